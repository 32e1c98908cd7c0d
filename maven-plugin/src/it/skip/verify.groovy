// -Dopenapi2mcp.skip=true: the goal says it skipped and generates nothing; the missing spec is never read.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')

// The goal's only output is the skip notice: no summary line, no warning, no error.
assert log.findAll { it.matches(/\[[A-Z]+\] openapi2mcp: .*/) } == ['[INFO] openapi2mcp: skipped (openapi2mcp.skip=true)']
assert log.contains('[INFO] BUILD SUCCESS')
assert !new File(basedir, 'target/generated-sources').exists()
return true
