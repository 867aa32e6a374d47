package extract

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
)

// Automatic numbering (自动编号): in Word documents the 第一条, 一、 and （一） of
// articles are often not in the text at all but generated from word/numbering.xml.
// Without them the metadata extractor would see articles without numbers.

const docxLevels = 9

type numLevel struct {
	start    int
	format   string // w:numFmt
	text     string // w:lvlText, e.g. "第%1条"
	restart  int    // w:lvlRestart; -1 when absent (restart after any higher level)
	legal    bool   // w:isLgl: show every level as decimal
	suffix   string // w:suff: tab (default), space or nothing
	style    string // w:pStyle linking a heading style to this level
	defined  bool
	hasStart bool
}

type abstractNum struct {
	levels       [docxLevels]numLevel
	numStyleLink string // refers to a numbering style that names the real definition
}

type numInstance struct {
	abstractID string
	startAt    map[int]int      // w:lvlOverride/w:startOverride
	levels     map[int]numLevel // w:lvlOverride/w:lvl
}

// listCounters are shared by every numId of one abstractNum: Word continues such
// lists unless a numId restarts them with a start override.
type listCounters struct {
	value  [docxLevels]int
	active [docxLevels]bool
}

type docxNumbering struct {
	abstract map[string]*abstractNum
	nums     map[string]*numInstance
	styles   *docxStyles
	counters map[string]*listCounters
	started  map[string]bool // numIds whose start overrides were applied
}

func parseDocxNumbering(data []byte, styles *docxStyles) *docxNumbering {
	n := &docxNumbering{
		abstract: map[string]*abstractNum{},
		nums:     map[string]*numInstance{},
		styles:   styles,
		counters: map[string]*listCounters{},
		started:  map[string]bool{},
	}
	if len(data) == 0 {
		return n
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var (
		curAbs   *abstractNum
		curNum   *numInstance
		curLvl   *numLevel
		ovLevel  = -1
		ovLvlIdx = -1
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val := xmlAttr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				curAbs = &abstractNum{}
				for i := range curAbs.levels {
					curAbs.levels[i].restart = -1
				}
				n.abstract[xmlAttr(t, "abstractNumId")] = curAbs
			case "num":
				curNum = &numInstance{startAt: map[int]int{}, levels: map[int]numLevel{}}
				n.nums[xmlAttr(t, "numId")] = curNum
			case "abstractNumId":
				if curNum != nil {
					curNum.abstractID = val
				}
			case "lvlOverride":
				ovLevel = atoiDefault(xmlAttr(t, "ilvl"), -1)
			case "startOverride":
				if curNum != nil && ovLevel >= 0 && ovLevel < docxLevels {
					curNum.startAt[ovLevel] = atoiDefault(val, 0)
				}
			case "lvl":
				i := atoiDefault(xmlAttr(t, "ilvl"), -1)
				if i < 0 || i >= docxLevels {
					curLvl = nil
					break
				}
				switch {
				case curNum != nil && ovLevel == i:
					// Filled in while reading, stored when the element ends.
					curLvl, ovLvlIdx = &numLevel{restart: -1, defined: true}, i
				case curAbs != nil:
					curAbs.levels[i] = numLevel{restart: -1, defined: true}
					curLvl = &curAbs.levels[i]
				default:
					curLvl = nil
				}
			case "start":
				if curLvl != nil {
					curLvl.start, curLvl.hasStart = atoiDefault(val, 0), true
				}
			case "numFmt":
				if curLvl != nil {
					curLvl.format = val
				}
			case "lvlText":
				if curLvl != nil {
					// Real level texts are a few characters (第%1条); a long one only amplifies output.
					if r := []rune(val); len(r) > 32 {
						val = string(r[:32])
					}
					curLvl.text = val
				}
			case "lvlRestart":
				if curLvl != nil {
					curLvl.restart = atoiDefault(val, -1)
				}
			case "isLgl":
				if curLvl != nil {
					curLvl.legal = onOff(val)
				}
			case "suff":
				if curLvl != nil {
					curLvl.suffix = val
				}
			case "pStyle":
				if curLvl != nil {
					curLvl.style = val
				}
			case "numStyleLink":
				if curAbs != nil {
					curAbs.numStyleLink = val
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				curAbs, curLvl = nil, nil
			case "num":
				curNum = nil
			case "lvlOverride":
				ovLevel = -1
			case "lvl":
				if ovLvlIdx >= 0 && curNum != nil && curLvl != nil {
					curNum.levels[ovLvlIdx] = *curLvl
					// A redefined level starts afresh, as a start override would.
					if _, set := curNum.startAt[ovLvlIdx]; !set && curLvl.hasStart {
						curNum.startAt[ovLvlIdx] = curLvl.start
					}
				}
				curLvl, ovLvlIdx = nil, -1
			}
		}
	}
	return n
}

// levels returns the effective level definitions of a numId, following numbering
// style links and applying level overrides.
func (n *docxNumbering) levels(numID string) (absID string, lv [docxLevels]numLevel, ok bool) {
	inst := n.nums[numID]
	if inst == nil {
		return "", lv, false
	}
	absID = inst.abstractID
	abs := n.abstract[absID]
	// A numStyleLink abstractNum is empty; the style's numId holds the real one.
	for hops := 0; abs != nil && abs.numStyleLink != "" && hops < 4; hops++ {
		linked := n.styles.numbering(abs.numStyleLink)
		next := n.nums[linked.numID]
		if next == nil || next.abstractID == absID {
			break
		}
		absID = next.abstractID
		abs = n.abstract[absID]
	}
	if abs == nil {
		return "", lv, false
	}
	lv = abs.levels
	for i, l := range inst.levels {
		lv[i] = l
	}
	return absID, lv, true
}

// next advances the list counters for a paragraph at level ilvl of numID and
// returns the number as printed (e.g. "第三条"), or "" for bullets and unknown lists.
func (n *docxNumbering) next(numID string, ilvl int) string {
	if numID == "" || numID == "0" || ilvl < 0 || ilvl >= docxLevels {
		return ""
	}
	absID, lv, ok := n.levels(numID)
	if !ok || !lv[ilvl].defined {
		return ""
	}
	c := n.counters[absID]
	if c == nil {
		c = &listCounters{}
		n.counters[absID] = c
	}
	inst := n.nums[numID]
	if !n.started[numID] {
		n.started[numID] = true
		for l, s := range inst.startAt {
			c.active[l] = true
			c.value[l] = s - 1
		}
	}
	if c.active[ilvl] {
		c.value[ilvl]++
	} else {
		c.active[ilvl] = true
		c.value[ilvl] = lv[ilvl].start
	}
	for k := ilvl + 1; k < docxLevels; k++ {
		// w:lvlRestart="0" never restarts; otherwise level k restarts when a level
		// above its restart level (1-based) is used, by default any higher level.
		r := lv[k].restart
		if r == 0 {
			continue
		}
		if r < 0 || ilvl < r {
			c.active[k] = false
		}
	}
	if lv[ilvl].format == "bullet" || lv[ilvl].format == "none" {
		return ""
	}
	return expandLevelText(lv, c, ilvl)
}

func expandLevelText(lv [docxLevels]numLevel, c *listCounters, ilvl int) string {
	text := lv[ilvl].text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := lv[l].start
			if c.active[l] {
				v = c.value[l]
			}
			format := lv[l].format
			if lv[ilvl].legal {
				format = "decimal"
			}
			b.WriteString(formatListNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	s := b.String()
	if s == "" {
		return ""
	}
	switch lv[ilvl].suffix {
	case "nothing":
		return s
	}
	// The tab or space after a number becomes the separator printed documents use:
	// 第一条　 after a Chinese number, nothing after 、 or （一）, a space after 1.
	last := []rune(s)[len([]rune(s))-1]
	switch {
	case strings.ContainsRune("、．，）", last):
		return s
	case unicode.Is(unicode.Han, last):
		return s + "\u3000"
	}
	return s + " "
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoiDefault(s string, def int) int {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return v
}

// onOff reads a WordprocessingML boolean: an empty value means true.
func onOff(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}
