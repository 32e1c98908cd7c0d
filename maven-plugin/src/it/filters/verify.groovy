// Issue 4, filters: the tools each execution generated, read from the tools/list answer lint wrote
// (tools-list.json), against the operations of the spec and what each filter rule keeps.
import groovy.json.JsonSlurper

def toolNames = { String report ->
  def toolsList = new JsonSlurper().parse(new File(basedir, "target/${report}/tools-list.json"))
  toolsList.tools*.name as Set
}
def spec = new JsonSlurper().parse(new File(basedir, 'src/main/openapi/shop.json'))
def operations = spec.paths.collectMany { path, item ->
  item.findAll { method, op -> method != 'parameters' }.collect { method, op ->
    [id: op.operationId, method: method.toUpperCase(), path: path, tags: op.tags]
  }
}
assert operations.size() == 8

// includeTags pet + includePaths /store/**, minus excludeOperations addPet and excludePaths /store/inventory,
// and only GET or DELETE.
assert toolNames('openapi2mcp-filtered') == ['listPets', 'getPetById', 'deletePet', 'getOrderById'] as Set

// readOnly: exactly the spec's GET operations (the spec has no HEAD or OPTIONS).
Set<String> gets = operations.findAll { it.method == 'GET' }*.id as Set
assert gets.size() == 5
assert toolNames('openapi2mcp-readonly') == gets

// Both servers were generated and compiled with -Werror.
assert new File(basedir, 'target/classes/com/example/filtered/FilteredTools.class').isFile()
assert new File(basedir, 'target/classes/com/example/readonly/ReadonlyTools.class').isFile()
return true
