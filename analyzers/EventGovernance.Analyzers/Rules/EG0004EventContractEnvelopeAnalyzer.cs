using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0004: an event contract lacks envelope fields (id, type, version, occurred-at, correlation id).
    /// Contracts are found by attribute, by name suffix, and by being the value of a Kafka message
    /// produced anywhere in the compilation, so diagnostics are reported when the compilation ends.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EventContractEnvelopeAnalyzer : BrokerAnalyzer
    {
        /// <summary>Diagnostic property with the missing fields' keys, comma-separated, for the code fix.</summary>
        public const string MissingFieldsProperty = "MissingFields";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EventContractEnvelope);

        /// <summary>Contracts exist in any project; Kafka, when referenced, adds the types it produces.</summary>
        public override BrokerLibrary RequiredLibrary => BrokerLibrary.None;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types) =>
            new CompilationState(start.Compilation, types).Register(start);

        /// <summary>What one compilation has seen so far; lives only as long as that compilation's analysis.</summary>
        private sealed class CompilationState
        {
            private readonly Compilation _compilation;
            private readonly KafkaTypes? _kafka;
            private readonly INamedTypeSymbol? _exception;
            private readonly INamedTypeSymbol? _eventArgs;
            private readonly ConcurrentDictionary<SyntaxTree, ContractOptions> _options = new ConcurrentDictionary<SyntaxTree, ContractOptions>();
            private readonly InProcessTypes _inProcess;

            /// <summary>Contracts found by attribute (value null) or only by name (value: the suffix that matched).</summary>
            private readonly ConcurrentDictionary<INamedTypeSymbol, string?> _declaredContracts = new ConcurrentDictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _producedValues = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _envelopeCandidates = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _wrappedTypes = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);

            public CompilationState(Compilation compilation, KnownTypes types)
            {
                _compilation = compilation;
                _kafka = types.Kafka;
                _exception = types.Exception;
                _eventArgs = types.EventArgs;
                _inProcess = new InProcessTypes(compilation);
            }

            public void Register(CompilationStartAnalysisContext start)
            {
                start.RegisterSymbolAction(c => OnNamedType(c, (INamedTypeSymbol)c.Symbol), SymbolKind.NamedType);
                start.RegisterOperationAction(c => NoteWrapped(c.Operation.Type), OperationKind.ObjectCreation);
                if (_kafka != null)
                {
                    start.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
                }

                start.RegisterCompilationEndAction(OnCompilationEnd);
            }

            private void OnNamedType(SymbolAnalysisContext context, INamedTypeSymbol type)
            {
                foreach (ISymbol member in type.GetMembers())
                {
                    ITypeSymbol? memberType = (member as IPropertySymbol)?.Type ?? (member as IFieldSymbol)?.Type;
                    NoteWrapped(memberType);
                }

                SyntaxTree? tree = type.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree;
                if (tree == null || !CanBeContract(type))
                {
                    return;
                }

                ContractOptions options = OptionsFor(tree, context.Options);
                if (HasContractAttribute(type, options))
                {
                    _declaredContracts.TryAdd(type, null);
                }
                else if (IsClassOrRecord(type) && MatchingSuffix(type, options) is string suffix)
                {
                    _declaredContracts.TryAdd(type, suffix);
                }
            }

            private void OnInvocation(OperationAnalysisContext context)
            {
                if (KafkaProduceCall.TryCreate((IInvocationOperation)context.Operation, _kafka!, out KafkaProduceCall call)
                    && call.ValueType is INamedTypeSymbol value)
                {
                    _producedValues.TryAdd(value.OriginalDefinition, 0);
                    NoteWrapped(value);
                }
            }

            /// <summary>Remembers the type arguments of a generic type used in code, e.g. OrderPlaced in Envelope&lt;OrderPlaced&gt;.</summary>
            private void NoteWrapped(ITypeSymbol? type)
            {
                if (!(type is INamedTypeSymbol named) || !named.IsGenericType || named.IsUnboundGenericType
                    || SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
                {
                    return;
                }

                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (argument is INamedTypeSymbol payload && payload.TypeKind != TypeKind.TypeParameter)
                    {
                        _wrappedTypes.TryAdd(payload.OriginalDefinition, 0);
                    }
                }

                _envelopeCandidates.TryAdd(named, 0);
            }

            private void OnCompilationEnd(CompilationAnalysisContext context)
            {
                // Each contract with the suffix it was found by when its name is all there is (null otherwise).
                var contracts = new Dictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
                foreach (KeyValuePair<INamedTypeSymbol, string?> declared in _declaredContracts)
                {
                    contracts[declared.Key] = declared.Value;
                }

                foreach (INamedTypeSymbol produced in _producedValues.Keys)
                {
                    if (CanBeContract(produced) && IsClassOrRecord(produced))
                    {
                        contracts[produced] = null;
                    }
                }

                foreach (KeyValuePair<INamedTypeSymbol, string?> entry in contracts.OrderBy(t => t.Key.ToDisplayString(), StringComparer.Ordinal))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    INamedTypeSymbol contract = entry.Key;
                    string? nameSuffix = entry.Value;
                    Location location = contract.Locations.First(l => l.IsInSource);
                    ContractOptions options = OptionsFor(location.SourceTree!, context.Options);
                    if (options.Excludes(contract) || (nameSuffix != null && _inProcess.StaysInProcess(contract, options)))
                    {
                        continue;
                    }

                    ImmutableArray<EnvelopeField> missing = MissingFields(contract, options);
                    if (missing.IsEmpty || IsCarriedInEnvelope(contract, options))
                    {
                        continue;
                    }

                    ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                        .Add(MissingFieldsProperty, string.Join(",", missing.Select(f => f.Key)));
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EventContractEnvelope,
                        location,
                        properties,
                        contract.Name,
                        string.Join(", ", missing.Select(f => f.DisplayName)),
                        nameSuffix == null ? string.Empty : MatchedByNameNote(nameSuffix)));
                }
            }

            /// <summary>
            /// A payload inside a generic wrapper that has every field itself (Envelope&lt;OrderPlaced&gt;) is covered
            /// by the wrapper, unless the payload is also produced on its own.
            /// </summary>
            private bool IsCarriedInEnvelope(INamedTypeSymbol payload, ContractOptions options)
            {
                if (!_wrappedTypes.ContainsKey(payload) || _producedValues.ContainsKey(payload))
                {
                    return false;
                }

                foreach (INamedTypeSymbol wrapper in _envelopeCandidates.Keys)
                {
                    if (wrapper.TypeArguments.Any(a => SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, payload))
                        && MissingFields(wrapper, options).IsEmpty)
                    {
                        return true;
                    }
                }

                return false;
            }

            private ContractOptions OptionsFor(SyntaxTree tree, AnalyzerOptions analyzerOptions) =>
                _options.GetOrAdd(tree, t => ContractOptions.Read(analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(t)));

            /// <summary>Only types declared in this compilation can be contracts; exceptions, event args and delegates never are.</summary>
            private bool CanBeContract(INamedTypeSymbol type)
            {
                if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
                    || !type.Locations.Any(l => l.IsInSource)
                    || type.IsImplicitlyDeclared
                    || type.IsStatic)
                {
                    return false;
                }

                if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                {
                    return false;
                }

                return !type.IsOrDerivesFrom(_exception) && !type.IsOrDerivesFrom(_eventArgs);
            }

            private static bool IsClassOrRecord(INamedTypeSymbol type) => type.TypeKind == TypeKind.Class || type.IsRecord;

            /// <summary>The longest configured suffix the name ends in, or null.</summary>
            private static string? MatchingSuffix(INamedTypeSymbol type, ContractOptions options) =>
                options.Suffixes
                    .Where(suffix => type.Name.EndsWith(suffix, StringComparison.Ordinal))
                    .OrderByDescending(suffix => suffix.Length)
                    .FirstOrDefault();

            /// <summary>Name matching also finds in-process types; the message says why the type was taken for a contract.</summary>
            private static string MatchedByNameNote(string suffix) =>
                $" (found only by its name ending in '{suffix}': if it never leaves the process, make it internal or list it in {ContractOptions.ExcludedTypesKey})";

            private static bool HasContractAttribute(INamedTypeSymbol type, ContractOptions options) =>
                type.GetAttributes().Any(a => a.AttributeClass != null
                                              && options.AttributeNames.Contains(ContractOptions.StripAttributeSuffix(a.AttributeClass.Name)));

            private static ImmutableArray<EnvelopeField> MissingFields(INamedTypeSymbol type, ContractOptions options)
            {
                HashSet<string> present = MemberNames(type);
                return options.Required
                    .Where(field => !options.NamesByField[field].Any(present.Contains))
                    .ToImmutableArray();
            }

            /// <summary>The normalized names of the instance properties and fields of the type and its bases, plus their serialized names.</summary>
            private static HashSet<string> MemberNames(INamedTypeSymbol type)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (INamedTypeSymbol? current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (ISymbol member in current.GetMembers())
                    {
                        if (member.IsStatic || !(member is IPropertySymbol || member is IFieldSymbol))
                        {
                            continue;
                        }

                        names.Add(EnvelopeField.NormalizeName(member.Name));
                        foreach (AttributeData attribute in member.GetAttributes())
                        {
                            string? serializedName = SerializedName(attribute);
                            if (serializedName != null)
                            {
                                names.Add(EnvelopeField.NormalizeName(serializedName));
                            }
                        }
                    }
                }

                return names;
            }

            /// <summary>The name given by [JsonPropertyName], [JsonProperty] or [DataMember(Name = ...)], whatever their namespace.</summary>
            private static string? SerializedName(AttributeData attribute)
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "JsonPropertyNameAttribute":
                    case "JsonPropertyAttribute":
                        if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string positional)
                        {
                            return positional;
                        }

                        return NamedArgument(attribute, "PropertyName");
                    case "DataMemberAttribute":
                        return NamedArgument(attribute, "Name");
                    default:
                        return null;
                }
            }

            private static string? NamedArgument(AttributeData attribute, string name)
            {
                foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                {
                    if (argument.Key == name && argument.Value.Value is string value)
                    {
                        return value;
                    }
                }

                return null;
            }
        }
    }
}
