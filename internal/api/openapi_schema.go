package api

import (
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/guifan/guifan/internal/model"
)

// obj is a JSON object of the OpenAPI document.
type obj = map[string]any

// schemas derives JSON schemas (OpenAPI 3.0) from the Go types the handlers encode, so
// the document describes exactly the fields the responses carry.
type schemas struct {
	defs obj // components/schemas
}

var (
	dateType = reflect.TypeFor[model.Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// ref returns a schema for t, registering named structs as components.
func (s *schemas) ref(t reflect.Type) obj {
	switch t {
	case dateType:
		return obj{"type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD；未知时为 null"}
	case timeType:
		return obj{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := s.ref(t.Elem())
		if _, isRef := inner["$ref"]; isRef {
			return obj{"allOf": []any{inner}, "nullable": true}
		}
		c := obj{}
		for k, v := range inner {
			c[k] = v
		}
		c["nullable"] = true
		return c
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return obj{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return obj{"type": "number"}
	case reflect.Slice, reflect.Array:
		return obj{"type": "array", "items": s.ref(t.Elem())}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": s.ref(t.Elem())}
	case reflect.Interface:
		return obj{}
	case reflect.Struct:
		name := componentName(t)
		if _, ok := s.defs[name]; !ok {
			s.defs[name] = obj{} // placeholder: recursive types refer to it
			s.defs[name] = s.object(t)
		}
		return obj{"$ref": "#/components/schemas/" + name}
	}
	panic("openapi: no schema for " + t.String())
}

// object is the schema of a struct: its JSON fields, embedded structs flattened.
func (s *schemas) object(t reflect.Type) obj {
	props := obj{}
	var required []string
	s.fields(t, props, &required)
	o := obj{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func (s *schemas) fields(t reflect.Type, props obj, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			s.fields(f.Type, props, required)
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = s.ref(f.Type)
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}

// componentName is the package and type name (CleanupRow, DiffRow, OpendataRow); this
// package's own types go by their name.
func componentName(t reflect.Type) string {
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndexByte(pkg, '/')+1:]
	if pkg == "api" {
		pkg = ""
	}
	r := []rune(pkg + t.Name())
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
