package model

// Level is a document's 效力级别.
type Level string

// The levels of SPEC "Domain model"; 宪法 appears in the national corpus too.
const (
	LevelConstitution Level = "宪法"
	LevelLaw          Level = "法律"     // 法律
	LevelAdminRegs    Level = "行政法规"   // 行政法规
	LevelDeptRules    Level = "部门规章"   // 部门规章
	LevelLocalRegs    Level = "地方性法规"  // 地方性法规
	LevelLocalRules   Level = "地方政府规章" // 地方政府规章
	LevelNormative    Level = "行政规范性文件"
	LevelJudicial     Level = "司法解释"
	LevelOther        Level = "其他"
)

// Levels lists the known levels in display order.
var Levels = []Level{LevelConstitution, LevelLaw, LevelAdminRegs, LevelDeptRules, LevelLocalRegs,
	LevelLocalRules, LevelNormative, LevelJudicial, LevelOther}

// Disclosure says who may see a document.
type Disclosure string

const (
	Public     Disclosure = "public"     // 主动公开
	Restricted Disclosure = "restricted" // 依申请公开 / 不予公开 / 内部
)

// Kind separates normative documents from interpretations (政策解读).
type Kind string

const (
	KindNormative      Kind = ""   // a normative document (规范性文件) or law
	KindInterpretation Kind = "解读" // 文字解读, 图解, 问答
	KindDraft          Kind = "草案" // a draft for comment (征求意见稿): never in force
)

// Work (文件) is one normative document over its whole life.
type Work struct {
	ID                 string     `json:"work_id"`
	Title              string     `json:"title"`
	DocNumber          string     `json:"doc_number,omitempty"`          // 发文字号, normalised
	Authorities        []string   `json:"authority,omitempty"`           // 发文机关
	Level              Level      `json:"level,omitempty"`               // 效力级别
	Topics             []string   `json:"topics,omitempty"`              // 主题分类
	RegistrationNumber string     `json:"registration_number,omitempty"` // 登记号
	IndexNumber        string     `json:"index_number,omitempty"`        // 索引号
	Disclosure         Disclosure `json:"disclosure"`
	Kind               Kind       `json:"kind,omitempty"`
	// VersionIDs are the work's versions, oldest first (by effective date, then publish date).
	VersionIDs []string `json:"version_ids"`
}

// SourceFile says where a version's text came from.
type SourceFile struct {
	Path      string `json:"path"`             // relative to the library root
	Format    string `json:"format"`           // pdf, docx, doc, html, txt, md, ofd, jsonl
	SHA256    string `json:"sha256"`           // of the whole file
	Extractor string `json:"extractor"`        // which reader produced the text, e.g. "pdf/builtin", "pdf/pdftotext", "ocr/tesseract"
	Line      int    `json:"line,omitempty"`   // JSONL line number (1-based)
	Record    string `json:"record,omitempty"` // JSONL record hash, so unchanged lines are skipped
}

// Evidence is where a fact was read: the sentence, or "metadata" for a sidecar or record field.
type Evidence struct {
	Value  string `json:"value,omitempty"`  // the sentence or clause as written
	Origin string `json:"origin,omitempty"` // "metadata", "text", "title", "publish_date"
}

// Version (版本) is one dated text of a work. Its text is never overwritten.
type Version struct {
	ID            string     `json:"version_id"`
	WorkID        string     `json:"work_id"`
	WorkKey       string     `json:"work_key,omitempty"` // grouping key from a sidecar `work` or JSONL `version_of`
	Label         string     `json:"label,omitempty"`    // e.g. 2018年修正
	Title         string     `json:"title"`
	DocNumber     string     `json:"doc_number,omitempty"`
	Authorities   []string   `json:"authority,omitempty"`
	Level         Level      `json:"level,omitempty"`
	Kind          Kind       `json:"kind,omitempty"`
	Topics        []string   `json:"topics,omitempty"`
	Registration  string     `json:"registration_number,omitempty"`
	IndexNumber   string     `json:"index_number,omitempty"`
	Disclosure    Disclosure `json:"disclosure"`
	PublishDate   Date       `json:"publish_date"`
	EffectiveDate Date       `json:"effective_date"`
	ExpiryDate    Date       `json:"expiry_date"` // 有效期至 (last day in force)
	// Where the effective and expiry dates came from, for the status reason.
	EffectiveEvidence Evidence `json:"effective_evidence,omitzero"`
	ExpiryEvidence    Evidence `json:"expiry_evidence,omitzero"`
	// OriginalEffectiveDate is when the work first took effect, as an amended text still
	// states it (本法自2008年1月1日起施行 in the 2012 text), with that sentence: the work
	// was in force before this version, under a text the library may not hold.
	OriginalEffectiveDate     Date   `json:"original_effective_date,omitempty"`
	OriginalEffectiveEvidence string `json:"original_effective_evidence,omitempty"`
	// SourceStatus is the source's own claim (in_force, amended, ...): shown, never trusted.
	SourceStatus string `json:"source_status,omitempty"`
	// Interprets names the work an interpretation explains (doc number, title or work_id).
	Interprets string `json:"interprets,omitempty"`
	// Relations are as found in this version's text or metadata. A catalog resolves them
	// into its own relations (Catalog.Outgoing) and clears them on its versions.
	Relations []Relation `json:"relations,omitempty"`
	Source    SourceFile `json:"source"`
	Warnings  []string   `json:"warnings,omitempty"`
	// TextLen is the length in runes of the text, which lives in the index.
	TextLen int `json:"text_len"`
	// Articles lists the article headings (第一条 …) in order when the source gives them
	// outside the text (ansvar-flk `provisions`), so the text can be anchored.
	Articles []string `json:"articles,omitempty"`
}

// RelationType is the kind of edge between documents.
type RelationType string

const (
	Amends     RelationType = "amends"     // 修改
	Repeals    RelationType = "repeals"    // 废止
	Lapses     RelationType = "lapses"     // 宣布失效
	Extends    RelationType = "extends"    // 延续有效期
	Basis      RelationType = "basis"      // 依据
	Cites      RelationType = "cites"      // 引用
	Interprets RelationType = "interprets" // 解读
)

// RelationTypes lists every type, for validation of sidecars.
var RelationTypes = []RelationType{Amends, Repeals, Lapses, Extends, Basis, Cites, Interprets}

// Chinese is the type's Chinese name.
func (t RelationType) Chinese() string {
	switch t {
	case Amends:
		return "修改"
	case Repeals:
		return "废止"
	case Lapses:
		return "宣布失效"
	case Extends:
		return "延续有效期"
	case Basis:
		return "依据"
	case Cites:
		return "引用"
	case Interprets:
		return "解读"
	}
	return string(t)
}

// Relation is a typed, dated edge from the document that states it to the one it names.
type Relation struct {
	Type RelationType `json:"type"`
	// Target is the reference as written: a title (without 《》), a doc number or a work_id.
	Target string `json:"target"`
	// TargetNumber is the doc number written with a title target (《某办法》（某政发〔2015〕3号）),
	// normalised: it names the document when the title, as written, does not.
	TargetNumber string `json:"target_number,omitempty"`
	// TargetWork is the resolved work id, empty while the reference is unresolved.
	TargetWork string `json:"target_work,omitempty"`
	// Date is when the relation takes effect; when zero the stating version's effective date is used.
	Date Date `json:"date"`
	// Until is the new end of validity for an `extends` relation (延续至…), zero when open-ended.
	Until Date `json:"until,omitempty"`
	// ExtendMonths is an `extends` relation's term when it states one instead of a day
	// (有效期延长2年: 24): the 有效期 then ends that much later than it did.
	ExtendMonths int `json:"extend_months,omitempty"`
	// Articles names the affected articles for a partial repeal (第十条、第十二条).
	Articles []string `json:"articles,omitempty"`
	// FormerTitle is the title an amendment renamed (将名称修改为…): the target is named
	// by its new title, and the old one still finds it.
	FormerTitle string `json:"former_title,omitempty"`
	Evidence    string `json:"evidence,omitempty"` // the sentence it was read from
	Origin      string `json:"origin,omitempty"`   // "metadata" or "text"
	// Reverse says the target did this to the stating document, which records it: a
	// law's 根据《关于修改…的决定》修正 names the decision that amended it. It is the
	// target's relation, shown as such both ways.
	Reverse bool `json:"reverse,omitempty"`
	// FromVersion and FromWork identify the stating document; set by the ingester.
	FromVersion string `json:"from_version,omitempty"`
	FromWork    string `json:"from_work,omitempty"`
	// RestatedBy are the later versions of the stating work that state the relation
	// again; set by the catalog, which keeps one relation for all of them.
	RestatedBy []string `json:"-"`
}
