// Issue 11: the hostile texts compiled (javac -Werror, see pom.xml), nothing printed PWNED when the classes were
// loaded and run, and the texts are data: the tools/list answer and the compiled definition give them back verbatim.
import groovy.json.JsonSlurper

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
assert log.contains('[INFO] BUILD SUCCESS')

def spec = new JsonSlurper().parse(new File(basedir, 'src/main/openapi/injection.json'), 'UTF-8')
String path = spec.paths.keySet().first()
def operation = spec.paths[path].post
String enumValue = operation.parameters[0].schema.enum[0]
String property = operation.requestBody.content['application/json'].schema.properties.keySet().first()
assert enumValue.contains('\\u002a\\u002f') : 'the spec holds the escapes as text'

// 1. The tools/list answer the build measured (lint's report), read as JSON.
def toolsList = new JsonSlurper().parse(new File(basedir, 'target/openapi2mcp/tools-list.json'))
def listed = toolsList.tools.find { it.name == 'postItem' }
assert listed.description.contains(operation.description)
assert listed.inputSchema.properties.itemId.enum == [enumValue, 'plain']
assert listed.inputSchema.properties.itemId.description == operation.parameters[0].description
// The property name becomes an argument name of the allowed characters; its description stays verbatim.
String argument = 'note_u0022_System.out.println_PWNED-property'
assert listed.inputSchema.properties.keySet() == ['itemId', argument] as Set
assert listed.inputSchema.properties[argument].description ==
    operation.requestBody.content['application/json'].schema.properties[property].description

// 2. The compiled server, loaded and run beside the runtime with System.out and System.err captured.
File classes = new File(basedir, 'target/classes')
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
ByteArrayOutputStream printed = new ByteArrayOutputStream()
PrintStream capture = new PrintStream(printed, true, 'UTF-8')
PrintStream out = System.out
PrintStream err = System.err
URLClassLoader loader = new URLClassLoader(
    [classes.toURI().toURL(), runtimeJar.toURI().toURL()] as URL[], ClassLoader.getPlatformClassLoader())
def definition
try {
  System.out = capture
  System.err = capture
  definition = loader.loadClass('com.example.injection.InjectionServer').getMethod('definition').invoke(null)
  loader.loadClass('com.example.injection.InjectionTools')
  definition.tools().each { it.inputSchema(); it.description() }
} finally {
  System.out = out
  System.err = err
}
try {
  assert !printed.toString('UTF-8').contains('PWNED') : printed.toString('UTF-8')
  assert definition.title() == spec.info.title
  def tool = definition.tools().find { it.name() == 'postItem' }
  assert tool.description().contains(operation.description)
  assert tool.http().pathTemplate() == path
  def schema = new JsonSlurper().parseText(tool.inputSchema())
  assert schema.properties.itemId.enum == [enumValue, 'plain']
  // The argument is sent under the spec's own property name, escapes and all.
  assert tool.http().body().properties() == [(argument): property]
} finally {
  loader.close()
}
return true
