using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// One value per compilation, built once however many threads ask at the same time. A
    /// <see cref="ConditionalWeakTable{TKey, TValue}"/> alone runs its factory outside its lock, so rules starting
    /// together on every core would each build the value and all but one be thrown away; here they share one
    /// <see cref="Lazy{T}"/> and wait for it. Weakly keyed: an entry lives exactly as long as its compilation.
    /// </summary>
    internal sealed class OncePerCompilation<T>
        where T : class
    {
        private readonly ConditionalWeakTable<Compilation, Lazy<T>> _values = new ConditionalWeakTable<Compilation, Lazy<T>>();
        private readonly Func<Compilation, T> _create;

        public OncePerCompilation(Func<Compilation, T> create) => _create = create;

        public T For(Compilation compilation) =>
            _values.GetValue(compilation, c => new Lazy<T>(() => _create(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
