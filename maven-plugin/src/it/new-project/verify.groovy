// README, "A new project in one step": after `init` and `mvn package`, target/petstore-mcp-server.jar is a
// runnable server (the jar name the generated Dockerfile and launcher expect, the launcher beside it), it answers
// an MCP client over stdio with one tool per operation of the spec, and `mvn openapi2mcp:lint` works in the project.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

File project = new File(basedir, 'petstore-server')
File jar = new File(project, 'target/petstore-mcp-server.jar')
assert jar.isFile()
File launcher = new File(project, 'target/petstore-mcp-server')
assert launcher.isFile() && launcher.canExecute()
assert new File(project, 'target/deploy/Dockerfile').readLines('UTF-8').contains('ARG JAR=target/petstore-mcp-server.jar')
String init = new File(basedir, 'init.log').getText('UTF-8')
assert init.contains('java -jar target/petstore-mcp-server.jar') : init

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
// Java 17 and UTF-8, with no platform-encoding or old-target warning.
assert log.any { it ==~ /\[INFO\] Compiling \d+ source files? with javac \[debug release 17\] .*/ } : log
assert !log.any { it.startsWith('[WARNING]') && it =~ /(?i)encoding|platform|source value|target value|release/ } : log
// The second invocation, `mvn openapi2mcp:lint`, ran on the plugin-level configuration alone.
int lintGoal = log.findIndexOf { it ==~ /\[INFO\] --- openapi2mcp:[^:]+:lint \(default-cli\) @ petstore-mcp-server ---/ }
assert lintGoal >= 0 : log
assert log[lintGoal + 1] == '[INFO] openapi2mcp: lint of petstore (warnings only; see docs/customization.md):'

def spec = new JsonSlurper().parse(new File(project, 'src/main/openapi/petstore.json'))
Set<String> operationIds = spec.paths.values().collectMany { item ->
  item.findAll { method, op -> method in ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] }
      .collect { method, op -> op.operationId }
} as Set

// A loopback port nothing listens on: a tool call fails fast instead of reaching the Internet.
ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
int closedPort = socket.localPort
socket.close()

Process server = new ProcessBuilder(new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path,
    '--base-url', "http://127.0.0.1:${closedPort}/api/v3".toString())
    .redirectError(new File(basedir, 'server.err')).start()
def lines = new LinkedBlockingQueue<String>()
Thread.start { server.inputStream.newReader('UTF-8').eachLine { lines.put(it) } }
Writer stdin = server.outputStream.newWriter('UTF-8')
def send = { Map message ->
  stdin.write(JsonOutput.toJson([jsonrpc: '2.0'] + message) + '\n')
  stdin.flush()
}
def answer = { int id ->
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
  while (true) {
    String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
    assert line != null : "no answer to request ${id}; stderr: ${new File(basedir, 'server.err').text}"
    def message = new JsonSlurper().parseText(line)
    if (message.id == id) {
      return message
    }
  }
}
try {
  send([id: 1, method: 'initialize', params: [protocolVersion: '2025-06-18', capabilities: [:],
                                              clientInfo: [name: 'new-project-it', version: '1']]])
  def initialized = answer(1)
  assert initialized.result.serverInfo.name == 'petstore'
  send([method: 'notifications/initialized'])

  send([id: 2, method: 'tools/list'])
  def tools = answer(2).result.tools
  assert tools*.name as Set == operationIds
  assert tools.size() == operationIds.size()

  // A real call goes out to the base URL given on the command line and comes back as a tool error.
  send([id: 3, method: 'tools/call', params: [name: 'getInventory', arguments: [:]]])
  def call = answer(3)
  assert call.result.isError == true : call
} finally {
  stdin.close()
  if (!server.waitFor(10, TimeUnit.SECONDS)) {
    server.destroyForcibly()
  }
}
return true
