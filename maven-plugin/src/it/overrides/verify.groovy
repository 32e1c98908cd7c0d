// Issue 4, overrides: what the model sees (tools-list.json, the tools/list answer) after the overrides file at its
// conventional place and the spec's x-mcp-* extensions; precedence overrides > extensions > spec.
import groovy.json.JsonSlurper

def tools = new JsonSlurper().parse(new File(basedir, 'target/openapi2mcp/tools-list.json')).tools
Map byName = tools.collectEntries { [(it.name): it] }

// addPet: x-mcp-exclude. deletePet: enabled: false. updatePet: x-mcp-exclude, brought back by enabled: true.
assert byName.keySet() == ['listPets', 'updatePet', 'get_pet'] as Set

// One field at all three levels: the title is the summary in the spec, x-mcp-title in the extension, and the
// overrides file's title wins. The name likewise: x-mcp-name loses to the file's name.
def pet = byName.get_pet
assert pet.title == 'Get a pet'
// The description at two levels: x-mcp-description over the composed one (the file sets none).
assert pet.description == 'Looks one pet up by its numeric id.'
// An argument's description from the file; a fixed header (x-mcp-value) and a hidden query parameter are absent.
assert pet.inputSchema.properties.keySet() == ['petId'] as Set
assert pet.inputSchema.properties.petId.description == "The pet's numeric id, as listPets returns it."
assert pet.inputSchema.required == ['petId']

// listPets: limit keeps a default and is optional; orgId is fixed (required in the spec, gone from the schema).
def list = byName.listPets
assert list.inputSchema.properties.keySet() == ['limit'] as Set
assert list.inputSchema.properties.limit.default == 20
assert !list.inputSchema.required
// Annotations: x-mcp-annotations over the hints GET gives.
assert list.annotations.openWorldHint == false
assert list.annotations.readOnlyHint == true

// updatePet: the file's annotations over the hints PUT gives (destructive), the rest from the method.
def update = byName.updatePet
assert update.annotations.destructiveHint == false
assert update.annotations.idempotentHint == true
// readOnlyHint false is MCP's default, so tools/list leaves it out (issue 6).
assert !update.annotations.containsKey('readOnlyHint')

assert new File(basedir, 'target/classes/com/example/pets/OverridesTools.class').isFile()
return true
