// Issue 4: overrides.yaml names argument petID of getPetById, which has petId. The build fails with one error that
// names the file, the JSON pointer of the key and the nearest argument, and generates nothing.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String overrides = new File(basedir, 'src/main/openapi2mcp/overrides.yaml').toPath().toAbsolutePath().normalize()

List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors == ["[ERROR]   ERROR (getPetById): unknown argument 'petID' of getPetById in ${overrides} (/operations/getPetById/parameters/petID): did you mean petId?".toString()]
assert log.contains('[INFO] BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
assert !new File(basedir, 'target/openapi2mcp').exists()
return true
