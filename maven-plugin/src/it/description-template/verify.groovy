// Issue 4: descriptionTemplate points at src/main/openapi2mcp/description.txt; every tool's description is that
// template rendered (comment and standalone section lines leave nothing behind).
import groovy.json.JsonSlurper

def tools = new JsonSlurper().parse(new File(basedir, 'target/openapi2mcp/tools-list.json')).tools
Map descriptions = tools.collectEntries { [(it.name): it.description] }

assert descriptions.getPetById == '''[GET /pets/{petId}] Find pet by ID
Gives object with id, name.
- 404 means: No pet has this id; list the pets to find one.'''
assert descriptions.listPets == '''[GET /pets]
(no summary)'''
return true
