// Package problem defines the errors users can be told about: each has a kind that
// says what went wrong and a message safe to show. The HTTP layer maps kinds to
// status codes in one place; anything else is an internal error whose details go to
// the log only.
package problem

import (
	"errors"
	"fmt"
)

// Kind classifies a problem.
type Kind string

const (
	Invalid      Kind = "invalid_parameter"      // the request itself is wrong (400)
	NotFound     Kind = "not_found"              // nothing by that id, or not visible to this user (404)
	TooLarge     Kind = "too_large"              // request body or batch over its limit (413)
	Unavailable  Kind = "unavailable"            // the index is not ready yet (503)
	Forbidden    Kind = "forbidden"              // staff-only (403)
	Unauthorized Kind = "unauthorized"           // credentials given that are not staff's (401)
	TooMany      Kind = "too_many_requests"      // too many failed attempts (429)
	Unsupported  Kind = "unsupported_media_type" // a request body of a media type the endpoint does not read (415)
)

// Error is a problem with a user-safe message.
type Error struct {
	Kind    Kind
	Message string // in Chinese where users read it
	Param   string // the offending parameter, for Invalid
}

func (e *Error) Error() string {
	if e.Param != "" {
		return fmt.Sprintf("%s: %s: %s", e.Kind, e.Param, e.Message)
	}
	return string(e.Kind) + ": " + e.Message
}

// Invalidf reports a bad request parameter.
func Invalidf(param, format string, args ...any) error {
	return &Error{Kind: Invalid, Param: param, Message: fmt.Sprintf(format, args...)}
}

// NotFoundf reports something that does not exist for this user.
func NotFoundf(format string, args ...any) error {
	return &Error{Kind: NotFound, Message: fmt.Sprintf(format, args...)}
}

// New builds a problem of any kind.
func New(kind Kind, format string, args ...any) error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// As returns the problem in err's chain, if any.
func As(err error) (*Error, bool) {
	var p *Error
	ok := errors.As(err, &p)
	return p, ok
}

// HTTPStatus is the status code for err: its problem kind's, or 500 for anything else.
func HTTPStatus(err error) int {
	p, ok := As(err)
	if !ok {
		return 500
	}
	switch p.Kind {
	case Invalid:
		return 400
	case Unauthorized:
		return 401
	case Forbidden:
		return 403
	case NotFound:
		return 404
	case TooLarge:
		return 413
	case Unsupported:
		return 415
	case TooMany:
		return 429
	case Unavailable:
		return 503
	}
	return 500
}

// Code and Message are what a client is told about err; an error that is not a
// problem is reported as an internal error without its details.
func Code(err error) (code, message string) {
	if p, ok := As(err); ok {
		return string(p.Kind), p.Message
	}
	return "internal", "服务器内部错误，请稍后再试"
}
