using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Whether a message handler's body can let an exception out. A call, an await or a throw can, unless it sits
    /// in the body of a try that protects it: one with a catch-all clause (<c>catch</c> or <c>catch (Exception)</c>,
    /// no <c>when</c> filter) that does not throw. Calls in catch and finally blocks are the failure path and are
    /// not counted; a throw there is. Lambdas and local functions inside the body run elsewhere and are skipped.
    /// </summary>
    internal static class HandlerExceptions
    {
        /// <summary>The first operation in <paramref name="body"/> whose exception can reach the caller, or null.</summary>
        /// <param name="exception"><c>System.Exception</c>, resolved for the compilation.</param>
        public static IOperation? FirstThatCanEscape(IBlockOperation body, INamedTypeSymbol? exception)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                IOperation operation = pending.Pop();
                if (operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation)
                {
                    continue;
                }

                bool call = operation is IInvocationOperation || operation is IAwaitOperation;
                if ((call || operation is IThrowOperation) && CanEscape(operation, body, exception, countsInHandlers: !call))
                {
                    return operation;
                }

                foreach (IOperation child in operation.ChildOperations.Reverse())
                {
                    pending.Push(child);
                }
            }

            return null;
        }

        private static bool CanEscape(IOperation operation, IBlockOperation body, INamedTypeSymbol? exception, bool countsInHandlers)
        {
            bool inHandler = false;
            for (IOperation node = operation; node != body && node.Parent != null; node = node.Parent)
            {
                switch (node.Parent)
                {
                    case ITryOperation attempt when node == attempt.Body && Protects(attempt, exception):
                        return false;
                    case ITryOperation attempt when node == attempt.Finally:
                        inHandler = true;
                        break;
                    case ICatchClauseOperation _:
                        inHandler = true;
                        break;
                }
            }

            return !inHandler || countsInHandlers;
        }

        /// <summary>A try with an unfiltered catch-all clause that does not throw, and no other clause that throws.</summary>
        private static bool Protects(ITryOperation attempt, INamedTypeSymbol? exception) =>
            attempt.Catches.Any(c => c.Filter == null && CatchesEverything(c.ExceptionType, exception) && !Throws(c))
            && !attempt.Catches.Any(Throws);

        private static bool Throws(ICatchClauseOperation clause) => clause.Handler.Descendants().Any(o => o is IThrowOperation);

        private static bool CatchesEverything(ITypeSymbol type, INamedTypeSymbol? exception) =>
            type.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(type, exception);
    }
}
