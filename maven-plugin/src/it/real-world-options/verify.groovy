// The parameters reach the generator: the overridden server variable is in the base URL, file parts offer
// both content and path, and the depth budget of 3 cut the labels argument with a warning naming where.
import groovy.json.JsonSlurper

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
File classes = new File(basedir, 'target/classes')
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
URLClassLoader loader = new URLClassLoader(
    [classes.toURI().toURL(), runtimeJar.toURI().toURL()] as URL[], ClassLoader.getPlatformClassLoader())
try {
  def definition = loader.loadClass('com.example.uploads.UploadsServer').getMethod('definition').invoke(null)
  assert definition.baseUrl() == 'https://us.uploads.example.com'
  def tool = definition.tools()[0]
  assert tool.http().body().fileArguments() == ['file']
  def schema = new JsonSlurper().parseText(tool.inputSchema())
  assert schema.properties.file.properties.keySet() as List == ['content', 'path', 'filename', 'contentType']
  assert schema.properties.file.oneOf == [[required: ['content']], [required: ['path']]]
  assert schema.properties.labels.properties.owner.properties.team.description.startsWith('Cut by the schema budget')
} finally {
  loader.close()
}

List<String> warnings = log.findAll { it.startsWith('[WARNING] openapi2mcp: ') }
assert warnings.size() == 1 : warnings
assert warnings[0].contains('#/paths/~1files/post (uploadFile): ') : warnings
assert warnings[0].contains('/properties/labels/properties/owner/properties/team') : warnings
assert log.contains('[INFO] BUILD SUCCESS')
return true
