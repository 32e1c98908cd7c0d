// Issue 4: overrides.yaml names operationId getPetByID, which the spec does not have. The build fails with one
// error that names the file, the JSON pointer of the key and the nearest operationId, and generates nothing.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String overrides = new File(basedir, 'src/main/openapi2mcp/overrides.yaml').toPath().toAbsolutePath().normalize()

List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors == ["[ERROR]   ERROR unknown operationId 'getPetByID' in ${overrides} (/operations/getPetByID): did you mean getPetById?".toString()]
assert log.contains('[INFO] BUILD FAILURE')
// Generation is atomic: a failed run leaves neither sources nor a report behind.
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
assert !new File(basedir, 'target/openapi2mcp').exists()
return true
