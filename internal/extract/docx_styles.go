package extract

import (
	"bytes"
	"encoding/xml"
)

// docxStyles keeps what paragraph styles say about numbering: heading styles such
// as 标题 2 often carry the list that prints 第一章, so a paragraph without its own
// w:numPr is still numbered.
type docxStyles struct {
	byID map[string]styleNumbering
}

type styleNumbering struct {
	basedOn string
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
}

func parseDocxStyles(data []byte) *docxStyles {
	s := &docxStyles{byID: map[string]styleNumbering{}}
	if len(data) == 0 {
		return s
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var (
		id    string
		cur   styleNumbering
		stack []string
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			switch t.Name.Local {
			case "style":
				id, cur = xmlAttr(t, "styleId"), styleNumbering{}
			case "basedOn":
				if xmlPathEndsWith(stack, "style", "basedOn") {
					cur.basedOn = xmlAttr(t, "val")
				}
			case "numId":
				if xmlPathEndsWith(stack, "style", "pPr", "numPr", "numId") {
					cur.numID, cur.hasNum = xmlAttr(t, "val"), true
				}
			case "ilvl":
				if xmlPathEndsWith(stack, "style", "pPr", "numPr", "ilvl") {
					cur.ilvl, cur.hasIlvl = atoiDefault(xmlAttr(t, "val"), 0), true
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local == "style" && id != "" {
				s.byID[id] = cur
				id = ""
			}
		}
	}
	return s
}

// numbering resolves a style's numbering through its basedOn chain.
func (s *docxStyles) numbering(styleID string) styleNumbering {
	var out styleNumbering
	if s == nil {
		return out
	}
	for hops := 0; styleID != "" && hops < 16; hops++ {
		st, ok := s.byID[styleID]
		if !ok {
			break
		}
		if !out.hasNum && st.hasNum {
			out.numID, out.hasNum = st.numID, true
		}
		if !out.hasIlvl && st.hasIlvl {
			out.ilvl, out.hasIlvl = st.ilvl, true
		}
		if out.hasNum && out.hasIlvl {
			break
		}
		styleID = st.basedOn
	}
	return out
}

// xmlPathEndsWith reports whether the element stack ends with the given local names.
func xmlPathEndsWith(stack []string, names ...string) bool {
	if len(stack) < len(names) {
		return false
	}
	tail := stack[len(stack)-len(names):]
	for i, n := range names {
		if tail[i] != n {
			return false
		}
	}
	return true
}
