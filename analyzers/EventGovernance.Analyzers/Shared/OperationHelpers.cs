using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Small queries over IOperation trees shared by the rules.</summary>
    internal static class OperationHelpers
    {
        /// <summary>Skips implicit and explicit conversions, e.g. a message upcast to an interface.</summary>
        public static IOperation WalkDownConversions(this IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The outermost operation of the member body that contains <paramref name="operation"/>.</summary>
        public static IOperation GetRoot(this IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The argument passed for <paramref name="parameter"/>, matched by symbol so named and positional arguments agree.</summary>
        public static IArgumentOperation? ArgumentFor(this IEnumerable<IArgumentOperation> arguments, IParameterSymbol parameter)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The first parameter of <paramref name="method"/> with one of the given names and the given type.</summary>
        public static IParameterSymbol? FindParameter(this IMethodSymbol method, SpecialType type, params string[] names)
        {
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == type && names.Contains(parameter.Name))
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <summary>True for <c>null</c>, <c>default</c> and <c>default(T)</c>.</summary>
        public static bool IsNullOrDefault(this IOperation value)
        {
            IOperation inner = value.WalkDownConversions();
            if (inner is IDefaultValueOperation)
            {
                return true;
            }

            return inner.ConstantValue.HasValue && inner.ConstantValue.Value == null;
        }

        /// <summary>The string constant of an operation, if it has one.</summary>
        public static string? StringConstant(this IOperation? value)
        {
            if (value == null)
            {
                return null;
            }

            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            return constant.HasValue ? constant.Value as string : null;
        }

        /// <summary>True when <paramref name="operation"/> reads or writes the given local or parameter.</summary>
        public static bool References(this IOperation? operation, ISymbol symbol)
        {
            switch (operation?.WalkDownConversions())
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                case IParameterReferenceOperation parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The value a local is given, when it is given exactly one (by its declaration or by one
        /// assignment) in the member body and is never passed by reference; otherwise null.
        /// </summary>
        public static IOperation? SingleAssignedValue(this IOperation root, ILocalSymbol local)
        {
            IOperation? value = null;
            int writes = 0;
            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        IOperation? initial = declarator.GetVariableInitializer()?.Value;
                        if (initial != null)
                        {
                            value = initial;
                            writes++;
                        }

                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target.References(local):
                        value = assignment.Value;
                        writes++;
                        break;
                    case IAssignmentOperation other when other.Target.References(local):
                        writes += 2;
                        break;
                    case IArgumentOperation argument when argument.Parameter?.RefKind != RefKind.None && argument.Parameter?.RefKind != RefKind.In && argument.Value.References(local):
                        writes += 2;
                        break;
                    case IDeconstructionAssignmentOperation:
                        writes += 2;
                        break;
                }
            }

            return writes == 1 ? value : null;
        }
    }
}
