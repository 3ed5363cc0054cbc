using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// The keys a RabbitMQ queue-arguments dictionary is known to hold: those of its creations' initializers
    /// and of every <c>holder[key] = value</c>, <c>holder.Add(key, value)</c> and <c>holder.TryAdd(key, value)</c>
    /// on the local or field that holds it. Order is ignored on purpose (a key written anywhere counts), so a
    /// finding is only ever "this key is written nowhere". Anything not followed (a copy, a key that is not a
    /// constant, a removal, the dictionary handed to other code) makes the keys unknown.
    /// </summary>
    internal sealed class QueueArguments
    {
        private readonly HashSet<string> _keys = new HashSet<string>(System.StringComparer.Ordinal);

        /// <summary>False once something was seen that the analysis does not follow.</summary>
        public bool Known { get; private set; } = true;

        public bool Contains(string key) => _keys.Contains(key);

        /// <summary>No arguments at all (<c>null</c>, <c>default</c> or an omitted optional argument).</summary>
        public static QueueArguments Empty() => new QueueArguments();

        public static QueueArguments Unknown() => new QueueArguments { Known = false };

        /// <summary>A dictionary created empty (or with a capacity or comparer), with its initializer's keys.</summary>
        public void AddCreation(IOperation value, KnownTypes types)
        {
            if (!(value.WalkDownConversions() is IObjectCreationOperation creation)
                || !creation.Type.IsOrImplements(types.RabbitMq!.Dictionary)
                || !creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32 || types.IsComparer(a.Value.Type)))
            {
                Known = false;
                return;
            }

            foreach (IOperation element in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                switch (element)
                {
                    case IInvocationOperation add when add.TargetMethod.Name == "Add" && add.Arguments.Length == 2:
                        AddKey(add.Arguments[0].Value, add.Arguments[1].Value);
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer
                                                                    && indexer.Property.IsIndexer && indexer.Arguments.Length == 1:
                        AddKey(indexer.Arguments[0].Value, assignment.Value);
                        break;
                    default:
                        Known = false;
                        break;
                }
            }
        }

        /// <summary>
        /// One use of the local or field holding the dictionary (<paramref name="reference"/> reads it). A use
        /// as the arguments of a queue declaration is the use being judged and is left to the caller.
        /// </summary>
        public void AddUse(IOperation reference, KnownTypes types)
        {
            IOperation? parent = reference.Parent;
            while (parent is IConversionOperation)
            {
                reference = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    AddCreation(assignment.Value, types);
                    return;
                case IPropertyReferenceOperation indexer when indexer.Instance == reference && indexer.Property.IsIndexer:
                    if (indexer.Parent is ISimpleAssignmentOperation set && set.Target == indexer && indexer.Arguments.Length == 1)
                    {
                        AddKey(indexer.Arguments[0].Value, set.Value);
                    }
                    else if (!(indexer.Parent is ISimpleAssignmentOperation))
                    {
                        // A read (args["x"]) changes nothing; a compound write might.
                        Known &= !(indexer.Parent is IAssignmentOperation);
                    }

                    return;
                case IPropertyReferenceOperation property when property.Instance == reference:
                    // Count, Keys and the like only read.
                    return;
                case IInvocationOperation call when call.Instance == reference:
                    switch (call.TargetMethod.Name)
                    {
                        case "Add" when call.Arguments.Length == 2:
                        case "TryAdd" when call.Arguments.Length == 2:
                            AddKey(call.Arguments[0].Value, call.Arguments[1].Value);
                            return;
                        case "ContainsKey":
                        case "TryGetValue":
                            return;
                        default:
                            Known = false;
                            return;
                    }

                case IArgumentOperation argument when IsArgumentsOfDeclaration(argument):
                    return;
                default:
                    Known = false;
                    return;
            }
        }

        /// <summary>The <c>arguments</c> of a queue declaration on a channel.</summary>
        public static bool IsArgumentsOfDeclaration(IArgumentOperation argument) =>
            argument.Parameter?.Name == QueueDeclaration.ArgumentsParameter
            && argument.Parent is IInvocationOperation call
            && QueueDeclaration.IsDeclareName(call.TargetMethod.Name);

        private void AddKey(IOperation key, IOperation value)
        {
            string? name = key.StringConstant();
            if (name == null)
            {
                Known = false;
                return;
            }

            // x-dead-letter-exchange = null sets nothing.
            if (!value.IsNullOrDefault())
            {
                _keys.Add(name);
            }
        }
    }

    /// <summary>A RabbitMQ queue declaration: 6.x <c>QueueDeclare</c>/<c>QueueDeclareNoWait</c>, 7.x <c>QueueDeclareAsync</c>.</summary>
    internal static class QueueDeclaration
    {
        public const string ArgumentsParameter = "arguments";

        public static bool IsDeclareName(string name) => name == "QueueDeclare" || name == "QueueDeclareNoWait" || name == "QueueDeclareAsync";

        public static bool IsDeclaration(IInvocationOperation call, RabbitMqTypes rabbit) =>
            IsDeclareName(call.TargetMethod.Name) && rabbit.IsOnChannel(call.TargetMethod);

        /// <summary>True when the queue is known to be durable, and the call creates it (not passive) for more than one connection (not exclusive).</summary>
        public static bool DeclaresDurableQueue(IInvocationOperation call) =>
            BoolArgument(call, "durable") == true && BoolArgument(call, "passive") != true && BoolArgument(call, "exclusive") != true;

        /// <summary>The arguments dictionary passed (an omitted optional one is its default, null); null when the overload has none.</summary>
        public static IOperation? Arguments(IInvocationOperation call)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter?.Name == ArgumentsParameter)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static bool? BoolArgument(IInvocationOperation call, string parameter)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter?.Name == parameter)
                {
                    Optional<object?> constant = argument.Value.WalkDownConversions().ConstantValue;
                    return constant.HasValue && constant.Value is bool flag ? flag : (bool?)null;
                }
            }

            return null;
        }
    }
}
