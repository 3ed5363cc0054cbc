using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EventGovernance.EndToEnd.Tests;

/// <summary>
/// The rule ids a packed analyzer assembly declares: the string constants of its <c>RuleIds</c> class,
/// read from metadata so the assembly (and Roslyn, which it needs) is never loaded.
/// </summary>
public static class PackedRuleIds
{
    private const string RuleIdsType = "RuleIds";

    public static string[] Read(ZipArchiveEntry assembly)
    {
        using var buffer = new MemoryStream();
        using (Stream stream = assembly.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        MetadataReader metadata = pe.GetMetadataReader();
        var ids = new List<string>();
        foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
        {
            TypeDefinition type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Name) != RuleIdsType)
            {
                continue;
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                ConstantHandle constant = metadata.GetFieldDefinition(fieldHandle).GetDefaultValue();
                if (!constant.IsNil)
                {
                    BlobReader value = metadata.GetBlobReader(metadata.GetConstant(constant).Value);
                    ids.Add(value.ReadUTF16(value.Length));
                }
            }
        }

        return ids.OrderBy(id => id, StringComparer.Ordinal).ToArray();
    }
}
