// A valid spec with two unsupported features: generation succeeds, and each warning is printed once as a Maven
// warning that says where it points (file, JSON pointer, operation).
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
String spec = new File(basedir, 'src/main/openapi/with-warnings.yaml').toPath().toAbsolutePath().normalize().toString()

List<String> warnings = log.findAll { it.startsWith('[WARNING] openapi2mcp: ') }
assert warnings.size() == 2 : warnings
assert warnings.count {
  it.startsWith("[WARNING] openapi2mcp: ${spec}#/paths/~1items/get/parameters (listItems): ")
      && it.contains('header parameter Accept is ignored')
} == 1 : warnings
assert warnings.count {
  it.startsWith("[WARNING] openapi2mcp: ${spec}#/paths/~1items/post/callbacks (createItem): ")
      && it.contains('callbacks are not turned into tools')
} == 1 : warnings

assert log.count { it ==~ /\[INFO\] openapi2mcp: warnings-reported: 2 tools; files: 2 written, 0 unchanged, 0 deleted in .+/ } == 1
assert log.contains('[INFO] BUILD SUCCESS')
return true
