using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Avro;
using EventGovernance.Compatibility.Json;
using EventGovernance.Compatibility.Protobuf;

namespace EventGovernance.Compatibility.Tests
{
    /// <summary>
    /// The difference types of all three engines are constants; every type an engine can emit is listed, has a
    /// message and a verdict, and every name the verdict and message tables use is a declared type (a misspelt
    /// name in a table would silently make a change breaking, or leave it without words).
    /// </summary>
    public class DifferenceTypeTests
    {
        private static string[] Constants(System.Type type) =>
            type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToArray();

        private static IEnumerable<string> TableKeys(string field) =>
            ((IDictionary<string, string>)typeof(JsonDifferenceTypes).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!).Keys;

        private static readonly string[] LimitPrefixes =
        {
            "MAX_LENGTH", "MIN_LENGTH", "MAXIMUM", "MINIMUM", "EXCLUSIVE_MAXIMUM", "EXCLUSIVE_MINIMUM",
            "MAX_ITEMS", "MIN_ITEMS", "MAX_CONTAINS", "MIN_CONTAINS", "MAX_PROPERTIES", "MIN_PROPERTIES",
        };

        private static readonly string[] LimitVerbs = { "_ADDED", "_REMOVED", "_INCREASED", "_DECREASED" };

        public static TheoryData<string> JsonTypes()
        {
            var data = new TheoryData<string>();
            foreach (string type in Constants(typeof(JsonDifferenceType))) data.Add(type);
            return data;
        }

        [Fact]
        public void Every_declared_type_of_each_engine_is_in_its_list_once()
        {
            Assert.Equal(Constants(typeof(JsonDifferenceType)).OrderBy(t => t), JsonDifferenceType.All.OrderBy(t => t));
            Assert.Equal(Constants(typeof(ProtoDifferenceTypes)).OrderBy(t => t), ProtoDifferenceTypes.All.OrderBy(t => t));
            Assert.Equal(Constants(typeof(AvroIncompatibilityTypes)).OrderBy(t => t), AvroIncompatibilityTypes.All.OrderBy(t => t));
        }

        [Fact]
        public void Every_name_in_the_json_verdict_and_message_tables_is_a_declared_type()
        {
            var declared = new HashSet<string>(JsonDifferenceType.All);
            IEnumerable<string> used = JsonDifferenceTypes.CompatibleStrict
                .Concat(JsonDifferenceTypes.CompatibleLenient)
                .Concat(TableKeys("What"))
                .Concat(TableKeys("WhatForward"));
            Assert.Empty(used.Where(t => !declared.Contains(t)).Distinct());
        }

        [Theory]
        [MemberData(nameof(JsonTypes))]
        public void Every_json_type_has_words_in_both_directions_and_a_verdict_under_both_policies(string type)
        {
            foreach (CheckDirection direction in new[] { CheckDirection.Backward, CheckDirection.Forward })
            {
                string message = JsonDifferenceTypes.Message(type, "#/properties/x", compatible: false, direction);
                // The raw type name in a sentence means no words were found for it.
                Assert.DoesNotContain("_", message.Replace("#/properties/x", ""));
            }
            // Limits read from their keyword ("maxLength was increased"); every other type has its own sentence.
            bool limit = LimitPrefixes.Any(p => type.StartsWith(p + "_")) && LimitVerbs.Any(v => type == type.Substring(0, type.LastIndexOf('_')) + v);
            Assert.True(limit || TableKeys("What").Contains(type), $"{type} has no sentence of its own in JsonDifferenceTypes.What");
            // Lenient accepts everything strict accepts.
            Assert.True(!JsonDifferenceTypes.CompatibleStrict.Contains(type) || JsonDifferenceTypes.CompatibleLenient.Contains(type), type);
        }

        [Fact]
        public void Every_protobuf_compatible_type_is_a_declared_type_and_breaking_ones_break()
        {
            Assert.Contains(ProtoDifferenceTypes.All, ProtoDifferenceTypes.IsCompatible);
            Assert.Contains(ProtoDifferenceTypes.All, t => !ProtoDifferenceTypes.IsCompatible(t));
            Assert.False(ProtoDifferenceTypes.IsCompatible("NOT_A_TYPE"));
        }
    }
}
