// The spec does not exist: the build fails, says which path it looked for, and generates nothing.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String missing = new File(basedir, 'src/main/openapi/does-not-exist.yaml').toPath().toAbsolutePath().normalize().toString()

String goal = '[ERROR] Failed to execute goal dev.openapi2mcp:openapi2mcp-maven-plugin:'
String header = "openapi2mcp: generation from ${missing} failed with 1 error:"
assert log.any { it.startsWith(goal) && it.endsWith(': ' + header) } : 'the failure names the resolved spec path'

// The failure lists the one diagnostic on its own line, and it names the path.
List<String> diagnostics = log.findAll { it.startsWith('[ERROR]   ERROR ') || it.startsWith('[ERROR]   WARNING ') }
assert diagnostics.size() == 1 : diagnostics
assert diagnostics[0].contains("OpenAPI description not found: ${missing}")
assert log.contains('[INFO] BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
return true
