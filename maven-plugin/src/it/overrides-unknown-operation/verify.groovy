// Issue 4: overrides.yaml names operationId getPetByID, which the spec does not have. The build fails with one
// error that names the file, the JSON pointer of the key and the nearest operationId, and generates nothing.
// Then the overrides parameter names a file that does not exist: not silently no overrides, but a failure naming it.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String overrides = new File(basedir, 'src/main/openapi2mcp/overrides.yaml').toPath().toAbsolutePath().normalize()
String missing = new File(basedir, 'src/main/openapi2mcp/missing.yaml').toPath().toAbsolutePath().normalize()

List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors.size() == 2 : errors
assert errors[0] == "[ERROR]   ERROR unknown operationId 'getPetByID' in ${overrides} (/operations/getPetByID): did you mean getPetById?".toString()
assert errors[1] == "[ERROR]   ERROR ${missing}: overrides file not found: ${missing}".toString()
assert log.count { it == '[INFO] BUILD FAILURE' } == 2
// Generation is atomic: a failed run leaves neither sources nor a report behind.
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
assert !new File(basedir, 'target/openapi2mcp').exists()
return true
