// Issue 4: the lint goal prints the table (checks, largest tools, totals) with the same numbers it writes to
// lint.md, counts one tool per operation the filter keeps, and generates no sources.
import groovy.json.JsonSlurper

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
def spec = new JsonSlurper().parse(new File(basedir, 'src/main/openapi/shop.json'))
Set<String> operationIds = spec.paths.values().collectMany { item ->
  item.findAll { method, op -> method != 'parameters' }.collect { method, op -> op.operationId }
} as Set
// The operations the command line's comma-separated excludeOperations leaves: one tool each.
def properties = new Properties()
new File(basedir, 'lint.properties').withInputStream { properties.load(it) }
Set<String> excluded = properties.getProperty('openapi2mcp.excludeOperations').split(',') as Set
assert excluded.size() == 2 && operationIds.containsAll(excluded)
Set<String> expectedTools = operationIds - excluded
int operations = expectedTools.size()

assert log.contains('[INFO] openapi2mcp: lint of lint (warnings only; see docs/customization.md):')
assert log.findAll { it ==~ /\[INFO\] check +tools +example tools/ }.size() == 1
// listUsers has neither summary nor description: the one finding, in the check's row with its tool.
assert log.findAll { it ==~ /\[INFO\] missing tool description +1 +listUsers/ }.size() == 1
assert log.findAll { it ==~ /\[INFO\] vague tool description +0/ }.size() == 1
assert log.findAll { it ==~ /\[INFO\] largest tools +~tokens +share/ }.size() == 1

def totals = /total: ([\d,]+) tools?, ([\d,]+) bytes, ~([\d,]+) tokens \(bytes \/ 4\); token budget: none/
List<String> totalLines = log.findAll { it ==~ /\[INFO\] / + totals }
assert totalLines.size() == 1 : log
def m = (totalLines[0] =~ totals)[0]
long tools = m[1].replace(',', '') as long
long bytes = m[2].replace(',', '') as long
long tokens = m[3].replace(',', '') as long
assert tools == operations
assert tokens > 0
assert tokens == Math.ceil(bytes / 4.0) as long

// The tools/list answer it measured is in the report directory, one tool per operation, and lint.md starts with
// the same totals.
def toolsList = new JsonSlurper().parse(new File(basedir, 'target/openapi2mcp/tools-list.json'))
assert toolsList.tools*.name as Set == expectedTools
List<String> lintMd = new File(basedir, 'target/openapi2mcp/lint.md').readLines('UTF-8')
assert lintMd[0] == '# openapi2mcp lint: lint'
assert lintMd[2] == (totalLines[0] - '[INFO] ')
assert lintMd.any { it.startsWith('| listUsers | ') && it.contains('missing tool description') }

assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
assert log.contains('[INFO] BUILD SUCCESS')
return true
