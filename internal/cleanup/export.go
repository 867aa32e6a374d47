package cleanup

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Header is the column row of the exported list; offices exchange these files, so the
// columns are named in Chinese.
var Header = []string{"序号", "类别", "标题", "发文字号", "发文机关", "效力级别", "效力状态", "有效期至", "剩余天数",
	"清理理由", "证据原文", "相关文件", "相关文件发文字号", "相关文件状态", "文件ID", "相关文件ID"}

// Cells is a row as the exported columns.
func (r Row) Cells(n int) []string {
	days := ""
	if r.DaysLeft != nil {
		days = strconv.Itoa(*r.DaysLeft)
	}
	var relTitle, relNumber, relStatus, relID string
	if r.Related != nil {
		relTitle, relNumber, relStatus, relID = r.Related.Title, r.Related.DocNumber, r.Related.Status, r.Related.WorkID
		if relTitle == "" {
			relTitle = r.Related.Reference
		}
	}
	return []string{strconv.Itoa(n), r.CategoryName, r.Title, r.DocNumber, strings.Join(r.Authority, "、"), r.Level, r.Status,
		r.ExpiryDate.String(), days, r.Reason, r.Evidence, relTitle, relNumber, relStatus, r.WorkID, relID}
}

// utf8BOM makes Excel open the CSV as UTF-8 rather than the system code page (GBK).
const utf8BOM = "\uFEFF"

// WriteCSV writes the list as CSV: UTF-8 with a byte-order mark, CRLF line ends.
func (l *List) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Header); err != nil {
		return err
	}
	for i, r := range l.Rows {
		cells := r.Cells(i + 1)
		for j, c := range cells {
			cells[j] = defuse(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a spreadsheet from reading a cell as a formula (CSV injection): text
// quoted from documents can begin with = + - or @.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// SheetName is the worksheet holding the rows.
const SheetName = "定期清理"

// WriteXLSX writes the list as an Excel workbook: the rows on one sheet with a frozen,
// filterable header, and the as-of date and counts on a second.
func (l *List) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return err
	}
	widths := []float64{6, 14, 48, 24, 24, 12, 10, 12, 9, 60, 60, 40, 24, 10, 28, 28}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetName, col, col, wd); err != nil {
			return err
		}
	}
	head := make([]any, len(Header))
	for i, h := range Header {
		head[i] = h
	}
	if err := f.SetSheetRow(SheetName, "A1", &head); err != nil {
		return err
	}
	for i, r := range l.Rows {
		cells := r.Cells(i + 1)
		row := make([]any, len(cells))
		for j, c := range cells {
			row[j] = c // strings stay strings: excelize never stores them as formulas
		}
		row[0] = i + 1
		if r.DaysLeft != nil {
			row[8] = *r.DaysLeft
		}
		if err := f.SetSheetRow(SheetName, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(Header), len(l.Rows)+1)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	lastHead, _ := excelize.CoordinatesToCellName(len(Header), 1)
	if err := f.SetCellStyle(SheetName, "A1", lastHead, bold); err != nil {
		return err
	}
	if len(l.Rows) > 0 {
		if err := f.SetCellStyle(SheetName, "A2", last, wrap); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetName, "A1:"+last, nil); err != nil {
		return err
	}
	if err := l.summarySheet(f); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func (l *List) summarySheet(f *excelize.File) error {
	const name = "说明"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	rows := [][]any{
		{"清理基准日", l.AsOf.String()},
		{"到期预警天数", l.Days},
		{"合计", len(l.Rows)},
	}
	for _, c := range Categories {
		rows = append(rows, []any{c.Chinese(), l.Counts[c]})
	}
	rows = append(rows, []any{"说明", "效力状态按清理基准日计算；证据原文摘自文件正文或来源数据。"})
	for i, r := range rows {
		if err := f.SetSheetRow(name, fmt.Sprintf("A%d", i+1), &r); err != nil {
			return err
		}
	}
	return f.SetColWidth(name, "A", "A", 16)
}
