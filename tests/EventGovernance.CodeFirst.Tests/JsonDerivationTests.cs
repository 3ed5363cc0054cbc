namespace EventGovernance.CodeFirst.Tests;

/// <summary>
/// The derived JSON Schema text equals, byte for byte, what Confluent's JsonSerializer&lt;T&gt; registered for the
/// same type in the built application (see <see cref="ShopProjectFixture"/>).
/// </summary>
[Collection(ShopProjectCollection.Name)]
public sealed class JsonDerivationTests
{
    private readonly ShopProjectFixture _shop;

    public JsonDerivationTests(ShopProjectFixture shop) => _shop = shop;

    [Theory]
    [InlineData("Shop.OrderPlaced", "OrderPlaced")]                              // class with scalar properties
    [InlineData("Shop.CustomerRegistered", "CustomerRegistered")]                // record with init properties
    [InlineData("Shop.ShipmentDispatched", "ShipmentDispatched")]                // positional record
    [InlineData("Shop.NullableReferences", "NullableReferences")]                // nullable and non-nullable references
    [InlineData("Shop.OrderStatusChanged", "OrderStatusChanged")]                // enum and nullable enum
    [InlineData("Shop.Outer.InnerEvent", "InnerEvent")]                          // nested type, C# spelling
    [InlineData("Shop.Outer+InnerEvent", "InnerEvent")]                          // nested type, runtime spelling
    [InlineData("Shop.WithLists", "WithLists")]                                  // List, IReadOnlyList, array
    [InlineData("Shop.WithDictionaries", "WithDictionaries")]                    // dictionaries of scalars and objects
    [InlineData("Shop.PaymentReceived", "PaymentReceived")]                      // inheritance
    [InlineData("Shop.WithJsonProperty", "WithJsonProperty")]                    // [JsonProperty] name, Required, NullValueHandling
    [InlineData("Shop.WithJsonIgnore", "WithJsonIgnore")]                        // [JsonIgnore]
    [InlineData("Shop.OrderRefunded", "OrderRefunded")]                          // XML doc comments
    [InlineData("Shop.Envelope<Shop.OrderPlaced>", "EnvelopeOfOrderPlaced")]     // closed generic, C# spelling
    [InlineData("Shop.Envelope`1[[Shop.OrderPlaced]]", "EnvelopeOfOrderPlaced")] // closed generic, runtime spelling
    public void Derived_text_is_what_the_serializer_registers(string typeName, string key)
    {
        DerivationResult result = SchemaDeriver.Derive(_shop.AssemblyPath, new[] { typeName }, DerivedFormat.Json);

        DerivedSchema schema = Assert.Single(result.Schemas);
        Assert.Equal(_shop.Registered(key + ".json"), schema.Text);
    }

    [Fact]
    public void Settings_member_gives_the_text_the_serializer_registers_with_those_settings()
    {
        DerivationResult result = SchemaDeriver.Derive(_shop.AssemblyPath, new[] { "Shop.OrderStatusChanged" }, DerivedFormat.Json,
            "Shop.SerializerSettings.CamelCaseStringEnums");

        string expected = _shop.Registered("OrderStatusChanged.settings.json");
        Assert.Equal(expected, Assert.Single(result.Schemas).Text);
        // The settings matter: without them the text differs (PascalCase names, integer enums).
        Assert.NotEqual(_shop.Registered("OrderStatusChanged.json"), expected);
    }

    [Fact]
    public void Several_types_derive_in_order_with_the_applications_own_NJsonSchema()
    {
        DerivationResult result = SchemaDeriver.Derive(_shop.AssemblyPath, new[] { "Shop.OrderPlaced", "Shop.WithLists" }, DerivedFormat.Json);

        Assert.Equal(new[] { _shop.Registered("OrderPlaced.json"), _shop.Registered("WithLists.json") }, result.Schemas.Select(s => s.Text));
        // The application ships NJsonSchema.NewtonsoftJson 11.6.1 (what Serdes.Json 2.16.0 restores), not the tool's 11.6.2.
        Assert.Contains(result.Notes, n => n.Contains("application's NJsonSchema.NewtonsoftJson 11.6.1", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("XML documentation", StringComparison.Ordinal));
    }

    [Fact]
    public void Assembly_without_its_dependencies_falls_back_to_the_tools_NJsonSchema_and_says_so()
    {
        string alone = _shop.CopyAssemblyAlone("alone");

        DerivationResult result = SchemaDeriver.Derive(alone, new[] { "Shop.OrderPlaced" }, DerivedFormat.Json);

        Assert.Contains(result.Notes, n => n.Contains("ships no NJsonSchema", StringComparison.Ordinal) && n.Contains("11.6.2", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("no XML documentation file beside Shop.dll", StringComparison.Ordinal));
        // This type has no doc comments, and 11.6.1 and 11.6.2 generate it alike.
        Assert.Equal(_shop.Registered("OrderPlaced.json"), Assert.Single(result.Schemas).Text);
    }

    [Fact]
    public void Without_the_XML_documentation_file_descriptions_are_missing()
    {
        string alone = _shop.CopyAssemblyAlone("alone");

        string derived = Assert.Single(SchemaDeriver.Derive(alone, new[] { "Shop.OrderRefunded" }, DerivedFormat.Json).Schemas).Text;

        Assert.Contains("The order the refund is for.", _shop.Registered("OrderRefunded.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("The order the refund is for.", derived, StringComparison.Ordinal);
    }

    [Fact]
    public void Avro_specific_record_gives_what_the_avro_serializer_registers()
    {
        DerivationResult result = SchemaDeriver.Derive(_shop.AssemblyPath, new[] { "Shop.Avro.StockReserved" }, DerivedFormat.Avro);

        Assert.Equal(_shop.Registered("StockReserved.avsc"), Assert.Single(result.Schemas).Text);
    }

    [Fact]
    public void Protobuf_message_gives_its_file_descriptor_as_the_serializer_registers_it()
    {
        // An assembly-qualified name reaches a message in one of the application's dependencies.
        DerivationResult result = SchemaDeriver.Derive(_shop.AssemblyPath, new[] { "Google.Protobuf.WellKnownTypes.Timestamp, Google.Protobuf" }, DerivedFormat.Protobuf);

        DerivedSchema schema = Assert.Single(result.Schemas);
        Assert.Equal(_shop.Registered("Timestamp.b64"), schema.Text);
        Assert.Empty(schema.References);
    }

    [Theory]
    [InlineData("Shop.OrderPlacd", DerivedFormat.Json, "type 'Shop.OrderPlacd' not found in Shop.dll; closest: Shop.OrderPlaced")]
    [InlineData("Shop.NotAClass", DerivedFormat.Json, "type 'Shop.NotAClass' is a struct: JsonSerializer<T> takes only classes")]
    [InlineData("Shop.OrderStatus", DerivedFormat.Json, "type 'Shop.OrderStatus' is an enum")]
    [InlineData("Shop.Envelope`1", DerivedFormat.Json, "type 'Shop.Envelope`1' is an open generic")]
    [InlineData("Shop.Envelope<Shop.Nope>", DerivedFormat.Json, "type 'Shop.Nope' not found")]
    [InlineData("Shop.OrderPlaced", DerivedFormat.Avro, "type 'Shop.OrderPlaced' is not an Avro ISpecificRecord")]
    [InlineData("Shop.OrderPlaced", DerivedFormat.Protobuf, "type 'Shop.OrderPlaced' is not a Google.Protobuf IMessage")]
    [InlineData("EventGovernance.CodeFirst.SchemaDeriver", DerivedFormat.Json, "type 'EventGovernance.CodeFirst.SchemaDeriver' not found")] // never the tool's own types
    public void Types_the_serializer_cannot_take_fail_with_one_line(string typeName, DerivedFormat format, string expected)
    {
        var error = Assert.Throws<DerivationException>(() => SchemaDeriver.Derive(_shop.AssemblyPath, new[] { typeName }, format));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("Shop.SerializerSettings.NotSettings", "--settings returns System.String")]
    [InlineData("Shop.SerializerSettings.Missing", "--settings 'Shop.SerializerSettings.Missing': Shop.SerializerSettings has no static property, field or parameterless method 'Missing'")]
    [InlineData("NoDot", "--settings 'NoDot' is not Type.Member")]
    public void Bad_settings_member_fails_with_one_line(string member, string expected)
    {
        var error = Assert.Throws<DerivationException>(() => SchemaDeriver.Derive(_shop.AssemblyPath, new[] { "Shop.OrderPlaced" }, DerivedFormat.Json, member));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
