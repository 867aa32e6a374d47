// Package model holds guifan's domain types: works (文件), their versions (版本),
// the relations between documents (关系) and calendar dates.
package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar day written as the integer YYYYMMDD (20220620), so dates
// compare with < and index as plain numbers. The zero Date means "unknown".
type Date int32

// Far future and far past bound open-ended intervals in the index.
const (
	DateMin Date = 10000101
	DateMax Date = 99991231
)

// NewDate builds a Date from its parts; it returns 0 for an impossible day.
func NewDate(y, m, d int) Date {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0
	}
	return Date(y*10000 + m*100 + d)
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), int(t.Month()), t.Day()) }

// Today is the current day in China Standard Time, the zone every document's dates are written in.
func Today() Date { return DateOf(time.Now().In(cst)) }

var cst = time.FixedZone("CST", 8*3600)

// ParseDate reads "YYYY-MM-DD" (also "YYYY/MM/DD" and "YYYYMMDD").
func ParseDate(s string) (Date, error) {
	var y, m, d int
	switch {
	case len(s) == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]:
		var err1, err2, err3 error
		y, err1 = strconv.Atoi(s[0:4])
		m, err2 = strconv.Atoi(s[5:7])
		d, err3 = strconv.Atoi(s[8:10])
		if err1 != nil || err2 != nil || err3 != nil {
			return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
		}
	case len(s) == 8:
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
		}
		y, m, d = n/10000, n/100%100, n%100
	default:
		return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	dt := NewDate(y, m, d)
	if dt == 0 {
		return 0, fmt.Errorf("invalid date %q: no such day", s)
	}
	return dt, nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == 0 }

// Parts splits the date into year, month and day.
func (d Date) Parts() (y, m, day int) { return int(d) / 10000, int(d) / 100 % 100, int(d) % 100 }

// Year is the date's year, 0 when unknown.
func (d Date) Year() int { return int(d) / 10000 }

// Time is the date at midnight UTC.
func (d Date) Time() time.Time {
	y, m, day := d.Parts()
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// AddDays moves the date by n days (negative n goes back).
func (d Date) AddDays(n int) Date {
	if d == 0 {
		return 0
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// AddYears moves the date by n years; 29 February lands on 1 March in a common year.
func (d Date) AddYears(n int) Date {
	if d == 0 {
		return 0
	}
	return DateOf(d.Time().AddDate(n, 0, 0))
}

// AddMonths moves the date by n months, normalised the way time.AddDate does.
func (d Date) AddMonths(n int) Date {
	if d == 0 {
		return 0
	}
	return DateOf(d.Time().AddDate(0, n, 0))
}

// String is "YYYY-MM-DD", or "" for an unknown date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	y, m, day := d.Parts()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// Chinese is the date as written in documents: 2022年6月20日.
func (d Date) Chinese() string {
	if d == 0 {
		return ""
	}
	y, m, day := d.Parts()
	return fmt.Sprintf("%d年%d月%d日", y, m, day)
}

// MarshalJSON writes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON accepts "YYYY-MM-DD", "" and null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = 0
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = 0
		return nil
	}
	// Tolerate timestamps such as 2021-01-01T00:00:00Z in bulk files.
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText lets Date be used in YAML and as a map key.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText is the inverse of MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
