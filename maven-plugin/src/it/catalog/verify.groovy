// Both APIs end up in one server: their tools prefixed, each API with its own base URL.
File sources = new File(basedir, 'target/generated-sources/openapi2mcp/com/example/catalog/mcp')
String server = new File(sources, 'CatalogServer.java').getText('UTF-8')
String tools = new File(sources, 'CatalogTools.java').getText('UTF-8')
assert server.contains('ApiDefinition.builder("inventory")')
assert server.contains('.baseUrl("https://inventory.example.com/v2")')
assert server.contains('ApiDefinition.builder("orders")')
assert server.contains('.baseUrl("http://127.0.0.1:9000/orders")')
assert tools.contains('ToolDefinition.builder("inventory_listItems")')
assert tools.contains('ToolDefinition.builder("orders_createItem")')
assert new File(basedir, 'target/classes/com/example/catalog/mcp/CatalogServer.class').isFile()
return true
