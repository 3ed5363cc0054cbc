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

            /// <summary>One settings object per distinct set of option values (files share an .editorconfig).</summary>
            private readonly ConcurrentDictionary<string, ContractOptions> _optionsByValues = new ConcurrentDictionary<string, ContractOptions>(StringComparer.Ordinal);
            private readonly InProcessTypes _inProcess;
            private readonly TypeArgumentFlow _flow;
            private readonly INamedTypeSymbol? _jsonSerializer;
            private readonly INamedTypeSymbol? _jsonConvert;

            /// <summary>Type parameters whose instantiations are produced (<c>Message&lt;string, T&gt;</c> in a generic publisher).</summary>
            private readonly ConcurrentDictionary<ITypeParameterSymbol, byte> _producedTypeParameters = new ConcurrentDictionary<ITypeParameterSymbol, byte>(SymbolEqualityComparer.Default);

            /// <summary>Type parameters wrapped in a generic type (<c>new Envelope&lt;T&gt;(payload)</c> in a generic method), with the wrapper.</summary>
            private readonly ConcurrentQueue<(ITypeParameterSymbol Parameter, INamedTypeSymbol Wrapper)> _wrappedTypeParameters = new ConcurrentQueue<(ITypeParameterSymbol, INamedTypeSymbol)>();

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
                _flow = new TypeArgumentFlow(compilation.Assembly);
                _jsonSerializer = types.JsonSerializer;
                _jsonConvert = types.JsonConvert;
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
                    if (member is IMethodSymbol method)
                    {
                        // An injected IEventPublisher<OrderPaid> tells which T a generic publisher produces.
                        _flow.NoteConstructedType(method.ReturnType);
                        foreach (IParameterSymbol parameter in method.Parameters)
                        {
                            _flow.NoteConstructedType(parameter.Type);
                        }
                    }
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
                var invocation = (IInvocationOperation)context.Operation;
                _flow.NoteCall(invocation.TargetMethod);
                if (!KafkaProduceCall.TryCreate(invocation, _kafka!, out KafkaProduceCall call))
                {
                    return;
                }

                switch (call.ValueType)
                {
                    case ITypeParameterSymbol parameter:
                        _producedTypeParameters.TryAdd(parameter, 0);
                        break;
                    case INamedTypeSymbol value:
                        _producedValues.TryAdd(value.OriginalDefinition, 0);
                        NoteWrapped(value);
                        break;
                }

                if (SerializedValue(call) is INamedTypeSymbol serialized)
                {
                    _producedValues.TryAdd(serialized.OriginalDefinition, 0);
                }
            }

            /// <summary>
            /// The type of a value serialized to text or bytes (System.Text.Json or Newtonsoft.Json) and produced as the
            /// message's value in the same method: inline, or through a local given that one value.
            /// </summary>
            private INamedTypeSymbol? SerializedValue(KafkaProduceCall call)
            {
                if (!(call.Message.Value.WalkDownConversions() is IObjectCreationOperation message) || message.Initializer == null)
                {
                    return null;
                }

                foreach (IOperation initializer in message.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment
                        && assignment.Target is IPropertyReferenceOperation property
                        && property.Property.Name == "Value"
                        && property.Property.ContainingType.IsSameDefinition(_kafka!.Message))
                    {
                        IOperation value = assignment.Value.WalkDownConversions();
                        if (value is ILocalReferenceOperation local)
                        {
                            value = value.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() ?? value;
                        }

                        if (value is IInvocationOperation serialize
                            && serialize.TargetMethod.Name.StartsWith("Serialize", StringComparison.Ordinal)
                            && (serialize.TargetMethod.ContainingType.IsSameDefinition(_jsonSerializer) || serialize.TargetMethod.ContainingType.IsSameDefinition(_jsonConvert))
                            && serialize.Arguments.Length > 0)
                        {
                            return serialize.Arguments[0].Value.WalkDownConversions().Type as INamedTypeSymbol;
                        }
                    }
                }

                return null;
            }

            /// <summary>Remembers the type arguments of a generic type used in code, e.g. OrderPlaced in Envelope&lt;OrderPlaced&gt;.</summary>
            private void NoteWrapped(ITypeSymbol? type)
            {
                // Only a type argument declared here or a type parameter can lead to a contract (see TypeArgumentFlow).
                if (!(type is INamedTypeSymbol named) || !TypeArgumentFlow.IsConstructed(named) || !_flow.CanCarryContract(named.TypeArguments))
                {
                    return;
                }

                _flow.NoteConstructedType(named);
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (argument is ITypeParameterSymbol parameter)
                    {
                        _wrappedTypeParameters.Enqueue((parameter, named));
                    }
                    else if (argument is INamedTypeSymbol payload)
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

                // What generic publishers produce and generic methods wrap, resolved now that every use is known.
                var producedTypes = new HashSet<INamedTypeSymbol>(_producedValues.Keys, SymbolEqualityComparer.Default);
                foreach (ITypeParameterSymbol parameter in _producedTypeParameters.Keys)
                {
                    producedTypes.UnionWith(_flow.Resolve(parameter));
                }

                var genericWrappers = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach ((ITypeParameterSymbol parameter, INamedTypeSymbol wrapper) in _wrappedTypeParameters)
                {
                    foreach (INamedTypeSymbol payload in _flow.Resolve(parameter))
                    {
                        if (!genericWrappers.TryGetValue(payload, out List<INamedTypeSymbol>? wrappers))
                        {
                            wrappers = new List<INamedTypeSymbol>();
                            genericWrappers[payload] = wrappers;
                        }

                        wrappers.Add(wrapper);
                    }
                }

                // Every constructed generic type seen, by the definitions of its type arguments: looked up per
                // contract instead of scanning all of them for each one (that scan was quadratic).
                var wrappersByPayload = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach (INamedTypeSymbol wrapper in _envelopeCandidates.Keys)
                {
                    foreach (INamedTypeSymbol argument in wrapper.TypeArguments.OfType<INamedTypeSymbol>())
                    {
                        INamedTypeSymbol payload = argument.OriginalDefinition;
                        if (!_wrappedTypes.ContainsKey(payload))
                        {
                            continue;
                        }

                        if (!wrappersByPayload.TryGetValue(payload, out List<INamedTypeSymbol>? list))
                        {
                            list = new List<INamedTypeSymbol>();
                            wrappersByPayload[payload] = list;
                        }

                        list.Add(wrapper);
                    }
                }

                var complete = new Dictionary<(INamedTypeSymbol, ContractOptions), bool>(WrapperComparer.Instance);
                bool HasEveryField(INamedTypeSymbol wrapper, ContractOptions options)
                {
                    if (!complete.TryGetValue((wrapper, options), out bool has))
                    {
                        has = MissingFields(wrapper, options).IsEmpty;
                        complete[(wrapper, options)] = has;
                    }

                    return has;
                }

                foreach (INamedTypeSymbol produced in producedTypes)
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
                    if (missing.IsEmpty || IsCarriedInEnvelope(contract, options, producedTypes, genericWrappers, wrappersByPayload, HasEveryField))
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
            /// by the wrapper, unless the payload is also produced on its own. So is a payload that a generic method
            /// wraps (<c>new Envelope&lt;T&gt;(payload)</c> in <c>PublishAsync&lt;T&gt;</c>, called with it).
            /// </summary>
            private bool IsCarriedInEnvelope(
                INamedTypeSymbol payload,
                ContractOptions options,
                HashSet<INamedTypeSymbol> producedTypes,
                Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> genericWrappers,
                Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> wrappersByPayload,
                Func<INamedTypeSymbol, ContractOptions, bool> hasEveryField)
            {
                if (producedTypes.Contains(payload))
                {
                    return false;
                }

                if (genericWrappers.TryGetValue(payload, out List<INamedTypeSymbol>? wrappers)
                    && wrappers.Any(wrapper => hasEveryField(wrapper, options)))
                {
                    return true;
                }

                return wrappersByPayload.TryGetValue(payload, out List<INamedTypeSymbol>? constructed)
                       && constructed.Any(wrapper => hasEveryField(wrapper, options));
            }

            /// <summary>A wrapper type (by symbol) with the options it is judged under (by reference: one instance per file's settings).</summary>
            private sealed class WrapperComparer : IEqualityComparer<(INamedTypeSymbol Wrapper, ContractOptions Options)>
            {
                public static readonly WrapperComparer Instance = new WrapperComparer();

                public bool Equals((INamedTypeSymbol Wrapper, ContractOptions Options) x, (INamedTypeSymbol Wrapper, ContractOptions Options) y) =>
                    SymbolEqualityComparer.Default.Equals(x.Wrapper, y.Wrapper) && ReferenceEquals(x.Options, y.Options);

                public int GetHashCode((INamedTypeSymbol Wrapper, ContractOptions Options) value) =>
                    (SymbolEqualityComparer.Default.GetHashCode(value.Wrapper) * 397) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value.Options);
            }

            private ContractOptions OptionsFor(SyntaxTree tree, AnalyzerOptions analyzerOptions) =>
                _options.TryGetValue(tree, out ContractOptions? options)
                    ? options
                    : _options.GetOrAdd(tree, ContractOptions.ReadCached(analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree), _optionsByValues));

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
