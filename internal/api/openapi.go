package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"unicode"

	"github.com/guifan/guifan/internal/cleanup"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/opendata"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// OpenAPI is GET /api/openapi.json: the OpenAPI 3 description of every route.
func (h *Handler) OpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(OpenAPIDocument())
}

var (
	openapiOnce sync.Once
	openapiJSON []byte
)

// OpenAPIDocument is the OpenAPI document, built once.
func OpenAPIDocument() []byte {
	openapiOnce.Do(func() {
		b, err := json.MarshalIndent(buildOpenAPI(), "", "  ")
		if err != nil {
			panic(err)
		}
		openapiJSON = b
	})
	return openapiJSON
}

// Parameter and response helpers keep the path table readable.

func query(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": schema}
}

func required(p obj) obj { p["required"] = true; return p }

func pathParam(name, desc string) obj {
	return obj{"name": name, "in": "path", "required": true, "description": desc, "schema": obj{"type": "string"}}
}

func str() obj                { return obj{"type": "string"} }
func date() obj               { return obj{"type": "string", "format": "date"} }
func enum(vals ...string) obj { return obj{"type": "string", "enum": vals} }
func integer(lo, hi, def int) obj {
	return obj{"type": "integer", "minimum": lo, "maximum": hi, "default": def}
}
func repeated(items obj) obj { return obj{"type": "array", "items": items} }

var asofParam = query("asof", "按哪一天计算效力状态（YYYY-MM-DD），默认今天", date())

func jsonBody(desc string, schema obj) obj {
	return obj{"description": desc, "content": obj{"application/json": obj{"schema": schema}}}
}

func errorResponse(desc string) obj {
	return jsonBody(desc, obj{"$ref": "#/components/schemas/Error"})
}

func op(summary, desc string, tags []string, params []any, responses obj) obj {
	o := obj{"summary": summary, "description": desc, "tags": tags, "responses": responses}
	if len(params) > 0 {
		o["parameters"] = params
	}
	return o
}

// publicOrStaff: anyone may call; staff credentials widen what is visible.
var publicOrStaff = []any{obj{}, obj{"bearerAuth": []any{}}, obj{"staffCookie": []any{}}}

// staffOnly: without staff credentials the answer is 403.
var staffOnly = []any{obj{"bearerAuth": []any{}}, obj{"staffCookie": []any{}}}

func buildOpenAPI() obj {
	s := &schemas{defs: obj{}}
	t := func(v any) obj { return s.ref(reflect.TypeOf(v)) }
	bad, notFound, unavailable := errorResponse("参数无效（invalid_parameter）"), errorResponse("未找到，或无权查看（not_found）"), errorResponse("索引尚未就绪（unavailable）")
	forbidden := errorResponse("仅限工作人员（forbidden）")
	tooLarge := errorResponse("请求体超过上限（too_large）；条数超过 500 条是 400")
	unsupported := errorResponse("请求体不是 JSON（unsupported_media_type）：Content-Type 应为 application/json")

	validityResp := jsonBody("逐条核对结果，顺序与输入一致", obj{"type": "object", "required": []string{"asof", "results"},
		"properties": obj{"asof": t(model.Date(0)), "results": repeated(t(service.ValidityResult{}))}})
	cleanupParams := []any{asofParam, query("days", "到期预警天数：有效期在基准日后多少天内届满", integer(0, cleanup.MaxDays, cleanup.DefaultDays))}
	changeParams := func(sinceRequired bool) []any {
		since := query("since", "窗口起始日（含）", date())
		if sinceRequired {
			since = required(since)
		} else {
			since["description"] = "窗口起始日（含），默认 until 前 30 天"
		}
		return []any{since, query("until", "窗口截止日（含），默认今天", date()),
			query("kind", "只看这些变化类型（可重复）", repeated(enum("work_added", "version_added", "relation_added", "status_changed", "version_effective"))),
		}
	}
	csvContent := func(desc string) obj {
		return obj{"description": desc, "content": obj{"text/csv": obj{"schema": str()}}}
	}
	xlsxContent := obj{"description": "Excel 工作簿（定期清理、说明两张工作表）",
		"content": obj{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": obj{"schema": obj{"type": "string", "format": "binary"}}}}

	paths := obj{
		"/check.csv": func() obj {
			csv := obj{"200": obj{"description": "核对结果表（UTF-8 带 BOM 的 CSV）", "content": obj{"text/csv": obj{"schema": str()}}}, "400": bad, "413": tooLarge, "503": unavailable}
			params := []any{query("q", "发文字号或标题，每行一条（最多 500 条）", str()), asofParam}
			return obj{
				"get":  op("批量核对结果下载（CSV）", "网页批量核对的表格下载，参数同 /check。", []string{"核对"}, params, csv),
				"head": op("批量核对结果下载（HEAD）", "同 GET，无响应体。", []string{"核对"}, params, obj{"200": obj{"description": "CSV"}}),
				"post": op("批量核对结果下载（表单提交）", "以表单提交 q 与 asof，返回同样的 CSV。", []string{"核对"}, nil, csv),
			}
		}(),
		"/healthz": obj{
			"get":  op("存活检查", "进程在运行即返回 200。", []string{"运维"}, nil, obj{"200": jsonBody("运行中", obj{"type": "object", "properties": obj{"status": enum("ok")}, "required": []string{"status"}})}),
			"head": op("存活检查（HEAD）", "同 GET，无响应体。", []string{"运维"}, nil, obj{"200": obj{"description": "运行中"}}),
		},
		"/readyz": obj{
			"get": op("就绪检查", "已加载索引快照时返回 200。", []string{"运维"}, nil, obj{
				"200": jsonBody("已就绪", obj{"type": "object", "required": []string{"status", "snapshot", "built_at", "versions", "works"}, "properties": obj{
					"status": enum("ready"), "snapshot": str(), "built_at": obj{"type": "string", "format": "date-time"},
					"versions": obj{"type": "integer"}, "works": obj{"type": "integer"}}}),
				"503": unavailable}),
			"head": op("就绪检查（HEAD）", "同 GET，无响应体。", []string{"运维"}, nil, obj{"200": obj{"description": "已就绪"}, "503": obj{"description": "索引尚未就绪"}}),
		},
		"/metrics": obj{"get": op("运行指标", "Prometheus 文本格式：按路由模板统计的请求耗时直方图、索引文档数与磁盘占用、入库计数、快照生成时间与年龄。配置了工作人员令牌时，须以 Bearer 令牌访问。", []string{"运维"}, nil, obj{
			"200": obj{"description": "Prometheus exposition format", "content": obj{"text/plain": obj{"schema": str()}}}, "403": forbidden})},
		"/feed.atom": obj{"get": op("变化订阅（Atom）", "Atom 1.0：新增文件、新增版本、新增关系与效力状态变化（含到期失效、定日废止、新版本施行等按日期发生的变化），最新在前。公众只看到主动公开的文件。条目 id 稳定，如 tag:guifan,2026:work/{work_id}/status/2026-12-01。",
			[]string{"变化"}, append(changeParams(false), query("limit", "最多条目数", integer(1, 1000, 100))), obj{
				"200": obj{"description": "Atom 1.0", "content": obj{"application/atom+xml": obj{"schema": str()}}},
				"400": bad, "503": unavailable})},
		"/api/search": obj{"get": op("检索", "中文全文检索，按 asof 计算效力状态并分面统计。", []string{"检索"}, []any{
			query("q", "检索词（最多 200 字）；可为发文字号", str()), asofParam,
			query("status", "效力状态（可重复或逗号分隔，多个值之间为“或”）：现行有效、尚未生效、已修改、已废止、已失效、即将到期，或英文代码", repeated(str())),
			query("level", "效力级别", enum("宪法", "法律", "行政法规", "部门规章", "地方性法规", "地方政府规章", "行政规范性文件", "司法解释", "其他")),
			query("authority", "发文机关", str()), query("topic", "主题分类", str()), query("kind", "文件类型", enum("解读", "interpretation")),
			query("year", "发布年份", obj{"type": "integer", "minimum": 1900, "maximum": 2200}),
			query("from", "发布日期起", date()), query("to", "发布日期止", date()), query("sort", "排序", enum("relevance", "date")),
			query("page", "页码（页码 × 每页条数不超过 10000；更深处用 after）", integer(1, search.MaxDepth, 1)), query("size", "每页条数", integer(1, search.MaxSize, search.DefaultSize)),
			query("after", "翻页游标：上一页结果中的 next，取其后的结果（不限深度；索引更新后失效，返回 400）", str()),
		}, obj{"200": jsonBody("检索结果", t(service.SearchResult{})), "400": bad, "503": unavailable})},
		"/api/works/{work_id}": obj{"get": op("文件详情", "文件的元数据、效力状态与理由、版本、双向关系与解读。", []string{"文件"},
			[]any{pathParam("work_id", "文件 ID（或其别名）"), asofParam},
			obj{"200": jsonBody("文件", t(service.WorkView{})), "400": bad, "404": notFound, "503": unavailable})},
		"/api/works/{work_id}/versions/{version_id}": obj{"get": op("版本全文", "一个版本及其全文。", []string{"文件"},
			[]any{pathParam("work_id", "文件 ID"), pathParam("version_id", "版本 ID"), asofParam},
			obj{"200": jsonBody("版本", t(service.VersionView{})), "400": bad, "404": notFound, "503": unavailable})},
		"/api/works/{work_id}/diff": obj{"get": op("新旧对照", "两个版本按条对照；省略 from/to 时对照 asof 当日施行的版本与其前一版本。", []string{"文件"},
			[]any{pathParam("work_id", "文件 ID"), query("from", "旧版本 ID", str()), query("to", "新版本 ID", str()), asofParam},
			obj{"200": jsonBody("对照结果", t(service.DiffView{})), "400": bad, "404": notFound, "503": unavailable})},
		"/api/validity": obj{
			"get": op("批量核对效力", "按发文字号或标题逐条核对（每行一条，最多 500 条）。", []string{"核对"},
				[]any{required(query("q", "发文字号或标题；可重复，或一个值内每行一条", repeated(str()))), asofParam},
				obj{"200": validityResp, "400": bad, "413": tooLarge, "503": unavailable}),
			"post": func() obj {
				o := op("批量核对效力（POST）", "同 GET，条目放在请求体中。", []string{"核对"}, []any{asofParam},
					obj{"200": validityResp, "400": bad, "413": tooLarge, "415": unsupported, "503": unavailable})
				o["requestBody"] = obj{"required": true, "content": obj{"application/json": obj{"schema": obj{
					"type": "object", "required": []string{"items"}, "properties": obj{
						"items": obj{"type": "array", "maxItems": service.MaxValidityItems, "items": str()},
						"asof":  obj{"type": "string", "format": "date"}}}}}}
				return o
			}(),
		},
		"/api/cleanup": obj{"get": func() obj {
			o := op("定期清理清单", "仅限工作人员。四类：即将到期（有效期在 days 天内届满）、依据或引用的文件已废止/失效、解读对应的政策已不再现行有效、行政规范性文件未设有效期。每行含理由与证据原文。format=csv（UTF-8 带 BOM）或 xlsx 时下载文件。",
				[]string{"清理"}, append(append([]any{}, cleanupParams...), query("format", "输出格式", enum("json", "csv", "xlsx"))), obj{
					"200": obj{"description": "清理清单", "content": obj{
						"application/json": obj{"schema": t(cleanup.List{})},
						"text/csv":         obj{"schema": str()},
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": obj{"schema": obj{"type": "string", "format": "binary"}}}},
					"400": bad, "403": forbidden, "503": unavailable})
			o["security"] = staffOnly
			return o
		}()},
		"/api/cleanup.csv": obj{"get": func() obj {
			o := op("定期清理清单（CSV）", "同 /api/cleanup?format=csv：UTF-8 带 BOM，Excel 可直接打开。", []string{"清理"}, cleanupParams,
				obj{"200": csvContent("清理清单 CSV"), "400": bad, "403": forbidden, "503": unavailable})
			o["security"] = staffOnly
			return o
		}()},
		"/api/cleanup.xlsx": obj{"get": func() obj {
			o := op("定期清理清单（Excel）", "同 /api/cleanup?format=xlsx。", []string{"清理"}, cleanupParams,
				obj{"200": xlsxContent, "400": bad, "403": forbidden, "503": unavailable})
			o["security"] = staffOnly
			return o
		}()},
		"/api/changes": obj{"get": op("变化清单", "时间窗口内的新增文件、新增版本、新增关系与效力状态变化，最新在前；按日期发生的状态变化由时间线推算，不另存储。公众只看到主动公开的文件。",
			[]string{"变化"}, append(changeParams(true), query("limit", "最多返回条数（total 为全部条数）", integer(1, 10000, 1000))),
			obj{"200": jsonBody("变化清单", t(ChangesResponse{})), "400": bad, "503": unavailable})},
		"/api/catalog.csv": obj{"get": op("公开目录（CSV）", "全部主动公开文件及其在 asof 的效力状态，逐行流式输出，供其他政府网站转载。列："+joinColumns()+"。",
			[]string{"开放数据"}, []any{asofParam, query("bom", "是否在开头写入 UTF-8 BOM（便于 Excel 打开）", obj{"type": "boolean", "default": false})},
			obj{"200": csvContent("公开目录 CSV"), "400": bad, "503": unavailable})},
		"/api/catalog.jsonl": obj{"get": op("公开目录（JSON Lines）", "同 CSV，每行一个 JSON 对象（结构见 OpendataRow）。", []string{"开放数据"}, []any{asofParam},
			obj{"200": obj{"description": "每行一个 OpendataRow", "content": obj{"application/jsonl": obj{"schema": t(opendata.Row{})}}}, "400": bad, "503": unavailable})},
		"/api/openapi.json": obj{"get": op("接口说明", "本文档（OpenAPI 3）。", []string{"运维"}, nil,
			obj{"200": obj{"description": "OpenAPI 3 文档", "content": obj{"application/json": obj{"schema": obj{"type": "object"}}}}})},
	}
	for path, item := range paths {
		for method, o := range item.(obj) {
			oo := o.(obj)
			if _, ok := oo["security"]; !ok {
				oo["security"] = publicOrStaff
			}
			oo["operationId"] = operationID(method, path)
			resp := oo["responses"].(obj)
			if method != "head" {
				if _, ok := resp["405"]; !ok {
					resp["405"] = errorResponse("不支持的请求方法（method_not_allowed）")
				}
				resp["500"] = errorResponse("服务器内部错误（internal）")
			}
			if path != "/healthz" && path != "/readyz" {
				// Credentials are read on every other route: a wrong token is refused
				// rather than answered as the public.
				resp["401"] = errorResponse("发送了令牌或登录 Cookie，但不是工作人员的（unauthorized）；不发送即以公众身份访问")
				resp["429"] = errorResponse("令牌错误次数过多，请稍后再试（too_many_requests）")
			}
		}
	}
	s.defs["Error"] = obj{
		"type": "object", "required": []string{"error"}, "description": "所有 4xx/5xx 错误的响应体",
		"properties": obj{"error": obj{"type": "object", "required": []string{"code", "message"}, "properties": obj{
			"code": enum("invalid_parameter", "not_found", "too_large", "unavailable", "forbidden", "unauthorized", "too_many_requests",
				"unsupported_media_type", "internal", "method_not_allowed"),
			"message": obj{"type": "string", "description": "可直接展示给用户的中文说明"},
			"param":   obj{"type": "string", "description": "出错的参数名（invalid_parameter 时）"},
		}}},
	}
	return obj{
		"openapi": "3.0.3",
		"info": obj{"title": "规范库 guifan API", "version": "1",
			"description": "规范性文件检索、效力核对（按日期计算，附理由与证据）、定期清理、变化订阅与开放数据。JSON 错误统一为 {\"error\":{\"code\",\"message\"}}。公众只能看到主动公开（disclosure: public）的文件；工作人员以 Authorization: Bearer <token>（Bearer 不区分大小写）或登录 Cookie 访问全部；发送的令牌或 Cookie 不正确时返回 401（unauthorized），不会按公众身份作答。"},
		"servers": []any{obj{"url": "/"}},
		"paths":   paths,
		"components": obj{"schemas": s.defs, "securitySchemes": obj{
			"bearerAuth":  obj{"type": "http", "scheme": "bearer", "description": "工作人员令牌"},
			"staffCookie": obj{"type": "apiKey", "in": "cookie", "name": "guifan_staff", "description": "网页登录后的工作人员 Cookie（有效期与签名，不含令牌本身）"},
		}},
	}
}

func joinColumns() string { return strings.Join(opendata.Columns, "、") }

// operationID names an operation by its method and path: getApiWorksWorkIdDiff.
func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(method)
	upper := true
	for _, r := range path {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
			continue
		}
		upper = true
	}
	return b.String()
}
