// Package benchgen generates a scale corpus for measuring guifan at 10k, 100k and 1M
// document versions: a JSON Lines library in the format of laws.jsonl (SPEC "Library"),
// built by deterministic recombination of the real corpus.
//
// # API
//
//	st, err := benchgen.Generate(ctx, lawsJSONL, n, seed, w)
//	st, err := benchgen.GenerateWith(ctx, lawsJSONL, w, benchgen.Options{
//		N: 1_000_000, Seed: 1, AvgTextBytes: benchgen.ShortAvgTextBytes})
//	fmt.Println(st) // Stats.String: counts per level, validity features, relations, MB/s
//
// src is read once, in full, before anything is written; w receives exactly n lines.
// The same n, seed, AvgTextBytes and AsOf give byte-identical output on any machine
// and Go release (the random streams are the package's own), and a run for n is a
// prefix of a run for more. Cancelling ctx stops the run with ctx's error.
//
// # What is generated
//
// Each line is one version with id, title, doc_number, authority, level, publish_date,
// effective_date, expiry_date, status, version_of, disclosure, topics, relations and
// text, plus label, kind and interprets where they apply:
//
//   - Works of every 效力级别: mostly 行政规范性文件 of ~160 real regions (国务院 and its
//     ministries, provinces, cities, counties and districts), plus 地方政府规章, 地方性法规,
//     部门规章, 行政法规, 法律 and 司法解释. Titles combine region × issuing body × subject
//     × document form (杭州市人民政府办公厅关于印发《杭州市养犬管理办法》的通知); the ~1,000
//     subjects come from the corpus's own titles. Each level's combinations are handed out
//     in a seeded scattered order without repetition, so no two works share a title; a
//     national level whose combinations run out (法律 after ~2,000 works) yields 行政规范性文件.
//   - Doc numbers in the forms of each level (浙政办发〔2019〕12号, 杭教规〔2021〕3号,
//     法释〔2020〕17号, 国务院令第N号), about one in six written as people also write them:
//     [] or （） brackets, full-width digits, leading zeros, 第, stray spaces.
//   - Publish dates from 1990 to 2027, weighted to recent years, so some versions take
//     effect after AsOf (尚未生效). Works have up to four versions, each dated after the one
//     before, its text a revision of the previous one (articles kept, rewritten, removed,
//     added), with version_of on most multi-version works and on half the others.
//   - 有效期 (5 years mostly; 2 for 试行, 3 for 暂行, a plan's own years) stated in the text
//     and, for four in five versions, in expiry_date; some arranged to end within 180 days
//     after AsOf (即将到期). Notices 关于延长《…》有效期的通知 extend some (extends, until).
//   - Relations between generated documents, named by doc number (in any written form) or
//     title, each both in relations and as a sentence of the text (its evidence): basis
//     (根据《…》等有关规定), cites (按照《…》（…）有关规定执行), repeals (《…》（…）同时废止),
//     repeals and lapses in clean-up decisions (关于废止和宣布失效一批规范性文件的决定),
//     extends, and interprets from 解读 documents (关于《…》的解读, kind 解读 and its variants).
//   - About 5% of versions restricted (disclosure restricted, 依申请公开 or 不予公开), topics
//     from the fixed list Topics (生育, 上学, 就业, 创业, 养老, 医疗, 纳税, 社保 …), and
//     status as a source would claim it (in_force, amended, not_yet_in_force): never
//     corrected for expiry or repeal, as the ingester must not trust it.
//
// Texts are made of runs of consecutive real articles (and their chapters) of the
// corpus, renumbered, under a generated header and first and last articles, so their
// statistics are those of real Chinese legal text. Source clauses that state dates,
// validity or repeals are left out so a text states only the generated facts. Sizes
// follow a log-normal fitted to laws.jsonl (median 13.7 KB, mean 18 KB); the mean over
// all versions is steered to AvgTextBytes.
//
// # Sizes and memory
//
// DefaultAvgTextBytes (18,000 bytes of text, about 18.8 KB per line) matches laws.jsonl:
// 10k versions are about 190 MB and 100k about 1.9 GB. 1M versions at that size would be
// about 19 GB, so a 1M run should use ShortAvgTextBytes (2,000: about 2.7 GB), which keeps
// the number of versions, works and relations and the shape of the length distribution.
// Memory is bounded by the source corpus, not by n: output is streamed, and what is kept
// (the source's distinct articles, a few recent works per region for relations, doc-number
// counters per body and year) does not grow with n.
package benchgen
