package dev.openapi2mcp.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4: tool names of a service catalog. */
class CatalogNamingTest {
  private static CatalogToolKey key(String namespace, String name, String path) {
    return new CatalogToolKey(namespace, name, new OperationKey(null, "GET", path), null);
  }

  @Test
  void namesArePrefixedWithTheirNamespace() {
    assertThat(new NamingStrategy(64).catalogToolNames(List.of(
        key("inventory", "listItems", "/items"), key("orders", "listItems", "/items"))))
        .containsExactly("inventory_listItems", "orders_listItems");
  }

  @Test
  void aLongNameIsCutAfterTheNamespaceWhichAlwaysSurvives() {
    List<String> names = new NamingStrategy(32).catalogToolNames(List.of(
        key("warehouse", "listAllTheItemsInStockAcrossEveryWarehouse", "/items")));

    assertThat(names.get(0)).startsWith("warehouse_").hasSizeLessThanOrEqualTo(32);
    assertThat(names.get(0)).isEqualTo("warehouse_listAllTheItemsInStock");
  }

  @Test
  void namesThatCollideAcrossApisAreMadeUnique() {
    // Namespace "a" with tool "b_x" and namespace "a_b" with tool "x" both want "a_b_x".
    List<String> names = new NamingStrategy(64).catalogToolNames(List.of(
        key("a", "b_x", "/one"), key("a_b", "x", "/two")));

    assertThat(names).containsExactly("a_b_x", "a_b_x_2");
  }

  @Test
  void longNamesThatStillCollideGetAHashThatCoversTheNamespace() {
    NamingStrategy naming = new NamingStrategy(24);
    List<String> names = naming.catalogToolNames(List.of(
        key("shop", "listItemsByWarehouseAlpha", "/a"), key("shop", "listItemsByWarehouseBeta", "/b")));

    assertThat(names.get(0)).isEqualTo("shop_listItemsByWareh");
    assertThat(names.get(1)).startsWith("shop_").hasSizeLessThanOrEqualTo(24).matches("shop_.*_[0-9a-f]{6}");
    List<String> otherNamespace = naming.catalogToolNames(List.of(
        key("shoq", "listItemsByWarehouseAlpha", "/a"), key("shoq", "listItemsByWarehouseBeta", "/b")));
    assertThat(otherNamespace.get(1).substring(otherNamespace.get(1).length() - 6))
        .isNotEqualTo(names.get(1).substring(names.get(1).length() - 6));
  }

  @Test
  void anExplicitNameIsUsedAsIsAndWinsOverAGeneratedOne() {
    List<String> names = new NamingStrategy(64).catalogToolNames(List.of(
        key("inventory", "search", "/items"),
        new CatalogToolKey("inventory", "listItems", new OperationKey(null, "GET", "/list"), "inventory_search")));

    assertThat(names).containsExactly("inventory_search_2", "inventory_search");
  }

  @Test
  void theSameInputGivesTheSameNames() {
    List<CatalogToolKey> keys = List.of(key("a", "b_x", "/one"), key("a_b", "x", "/two"),
        key("inventory", "listAllTheItemsInStockAcrossEveryWarehouseOfTheCompanyAndMore", "/x"));

    assertThat(new NamingStrategy(40).catalogToolNames(keys)).isEqualTo(new NamingStrategy(40).catalogToolNames(keys));
  }
}
