using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>One value per compilation, weakly keyed: an entry lives exactly as long as its compilation.</summary>
    internal sealed class OncePerCompilation<T>
        where T : class
    {
        private readonly ConditionalWeakTable<Compilation, T> _values = new ConditionalWeakTable<Compilation, T>();
        private readonly Func<Compilation, T> _create;

        public OncePerCompilation(Func<Compilation, T> create) => _create = create;

        public T For(Compilation compilation) => _values.GetValue(compilation, c => _create(c));
    }
}
