// The spec has two errors, in two operations: the build fails and lists both at once, each with its location.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String spec = new File(basedir, 'src/main/openapi/broken.yaml').toPath().toAbsolutePath().normalize().toString()

String goal = '[ERROR] Failed to execute goal dev.openapi2mcp:openapi2mcp-maven-plugin:'
assert log.any { it.startsWith(goal) && it.endsWith(": openapi2mcp: generation from ${spec} failed with 2 errors:") }

List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors.size() == 2 : errors

// Each error: the spec file, a JSON pointer to the offending node (path keys escape '/' as ~1), the operation,
// and the parser's message.
def located = { String line, String location, String message ->
  line.startsWith("[ERROR]   ERROR ${spec}#${location}: ") && line.contains(message)
}
assert errors.count {
  located(it, '/paths/~1items/get/parameters/0/in (listItems)', 'parameters.[limit].in is not of type')
} == 1 : errors
assert errors.count {
  located(it, '/paths/~1orders/post/responses (createOrder)', 'responses is not of type `object`')
} == 1 : errors

assert log.contains('[INFO] BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
return true
