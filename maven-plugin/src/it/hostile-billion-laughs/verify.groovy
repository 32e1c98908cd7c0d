// Issue 11: each bomb is refused before anything expands it, with the file, the JSON pointer and line of the alias
// that would cross the limit, and the limit; nothing is generated. The heap (-Xmx256m) and the timeout are the
// invoker's (invoker.properties): an expansion would have exhausted one or the other.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')

def refused = { String module, String file, String location, String alias ->
  String spec = new File(basedir, "${module}/src/main/openapi/${file}").toPath().toAbsolutePath().normalize().toString()
  List<String> errors = log.findAll { it.startsWith("[ERROR]   ERROR ${spec}") }
  assert errors.size() == 1 : log
  assert errors[0].startsWith("[ERROR]   ERROR ${spec}#${location}: the alias *${alias} expands to ")
  assert errors[0].contains(' nodes, taking the document past 2000000 nodes once its aliases are expanded')
  assert !new File(basedir, "${module}/target/generated-sources/openapi2mcp").exists()
}
refused('classic', 'laughs.yaml', '/x-lol/g/2: YAML line 11, column 18', 'f')
refused('doubling', 'doubling.yaml', '/components/schemas/S17/properties/r: YAML line 23, column 55', 's16')

assert !log.any { it.contains('OutOfMemoryError') || it.contains('StackOverflowError') }
assert log.contains('[INFO] BUILD FAILURE')
return true
