using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Recognises a value that is new on every evaluation: <c>Guid.NewGuid()</c> and its text or bytes.</summary>
    internal static class RandomKeys
    {
        /// <summary>
        /// <c>Guid.NewGuid()</c>, <c>Guid.NewGuid().ToString(...)</c>, <c>Guid.NewGuid().ToByteArray()</c>, directly
        /// or through a local given exactly one such value in the same member.
        /// </summary>
        public static bool IsNewPerCall(IOperation value, INamedTypeSymbol? guid)
        {
            IOperation inner = value.WalkDownConversions();
            if (inner is ILocalReferenceOperation local)
            {
                IOperation? assigned = inner.GetRoot().SingleAssignedValue(local.Local);
                return assigned != null && !(assigned.WalkDownConversions() is ILocalReferenceOperation) && IsNewPerCall(assigned, guid);
            }

            if (!(inner is IInvocationOperation invocation))
            {
                return false;
            }

            if (IsNewGuid(invocation, guid))
            {
                return true;
            }

            string name = invocation.TargetMethod.Name;
            return (name == "ToString" || name == "ToByteArray")
                   && invocation.Instance?.WalkDownConversions() is IInvocationOperation receiver
                   && IsNewGuid(receiver, guid);
        }

        private static bool IsNewGuid(IInvocationOperation invocation, INamedTypeSymbol? guid) =>
            invocation.TargetMethod.Name == "NewGuid"
            && invocation.TargetMethod.IsStatic
            && invocation.TargetMethod.ContainingType.IsSameDefinition(guid);
    }
}
