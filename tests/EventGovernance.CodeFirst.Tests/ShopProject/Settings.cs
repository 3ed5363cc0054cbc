using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NJsonSchema.NewtonsoftJson.Generation;

namespace Shop;

/// <summary>The generator settings this producer passes to JsonSerializer&lt;T&gt;.</summary>
public static class SerializerSettings
{
    public static NewtonsoftJsonSchemaGeneratorSettings CamelCaseStringEnums { get; } = new()
    {
        SerializerSettings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            Converters = { new StringEnumConverter() },
        },
    };

    public static string NotSettings => "not settings";
}
