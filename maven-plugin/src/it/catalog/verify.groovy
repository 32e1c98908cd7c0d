// Issue 4, service catalog: both APIs end up in one server, their tools prefixed, each API with its own base URL,
// filter and overrides. Checked on what the model sees (tools-list.json) and on the compiled server definition.
import groovy.json.JsonSlurper

def tools = new JsonSlurper().parse(new File(basedir, 'target/openapi2mcp/tools-list.json')).tools
Map byName = tools.collectEntries { [(it.name): it] }
// inventory: its own filter drops createItem. orders: its own overrides file names the long operation's tool,
// and the chosen name is kept as is (never prefixed).
assert byName.keySet() == ['inventory_listItems', 'inventory_getItem', 'orders_createItem', 'get_order'] as Set
// inventory reads its section of the conventional overrides.yaml.
assert byName.inventory_listItems.title == 'All items in stock'

// The compiled definition, loaded with the runtime it was compiled against.
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
URL[] classpath = [new File(basedir, 'target/classes').toURI().toURL(), runtimeJar.toURI().toURL()]
def loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())
try {
  def definition = loader.loadClass('com.example.catalog.mcp.CatalogServer').getMethod('definition').invoke(null)
  Map baseUrls = definition.apis().collectEntries { [(it.name()): it.baseUrl()] }
  assert baseUrls == [inventory: 'https://inventory.example.com/v2', orders: 'http://127.0.0.1:9000/orders']
  assert definition.tools()*.name() as Set == byName.keySet()
} finally {
  loader.close()
}
return true
