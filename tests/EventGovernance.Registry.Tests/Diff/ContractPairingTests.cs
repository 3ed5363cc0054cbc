using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Diff;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Registry.Tests.Diff
{
    public class ContractPairingTests
    {
        private static (Contract, string) Working(string path) =>
            (new Contract("/repo/" + path, ContractDiscovery.DefaultSubject(path), SchemaTypes.FromFileName(path)!.Value, displayPath: path), path);

        [Fact]
        public void Same_path_is_kept_a_moved_file_is_renamed_and_the_rest_added_or_removed()
        {
            var pairs = ContractPairing.Pair(
                new[] { Working("contracts/order.avsc"), Working("contracts/crm/customer.avsc"), Working("contracts/invoice.schema.json") },
                new[] { "contracts/order.avsc", "contracts/customer.avsc", "contracts/coupon.avsc" });
            Assert.Equal(
                new[] { "Removed <-contracts/coupon.avsc", "Renamed contracts/crm/customer.avsc<-contracts/customer.avsc", "Added contracts/invoice.schema.json<-", "Kept contracts/order.avsc<-contracts/order.avsc" },
                pairs.Select(p => $"{p.Change} {p.Path}<-{p.OldPath}"));
        }

        [Fact]
        public void A_name_two_files_share_is_no_rename()
        {
            var pairs = ContractPairing.Pair(
                new[] { Working("contracts/a/event.avsc"), Working("contracts/b/event.avsc") },
                new[] { "contracts/event.avsc" });
            Assert.Equal(new[] { DiffChange.Added, DiffChange.Added, DiffChange.Removed }, pairs.Select(p => p.Change));
        }

        [Fact]
        public void A_file_that_changed_its_format_is_no_rename()
        {
            var pairs = ContractPairing.Pair(new[] { Working("contracts/new/order.proto") }, new[] { "contracts/order.avsc" });
            Assert.Equal(new[] { DiffChange.Added, DiffChange.Removed }, pairs.Select(p => p.Change));
        }

        [Theory]
        [InlineData("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", Migration.OptionalWithDefault)]
        [InlineData("READER_FIELD_MISSING_DEFAULT_VALUE", Migration.OptionalWithDefault)]
        [InlineData("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", Migration.KeepAndDeprecate)]
        [InlineData("MISSING_ENUM_SYMBOLS", Migration.KeepAndDeprecate)]
        [InlineData("TYPE_NARROWED", Migration.BumpVersion)]
        [InlineData("FIELD_SCALAR_KIND_CHANGED", Migration.BumpVersion)]
        [InlineData("NAME_MISMATCH", Migration.NewSubject)]
        [InlineData("PACKAGE_CHANGED", Migration.NewSubject)]
        public void Each_kind_of_change_gets_the_migration_that_fits(string type, Migration migration) =>
            Assert.Equal(migration, Migrations.For(type));

        [Theory]
        [InlineData("contracts/a/../b.avsc", "contracts/b.avsc")]
        [InlineData("./contracts//x.avsc", "contracts/x.avsc")]
        [InlineData("contracts/../../x.avsc", null)]
        public void Tree_paths_are_normalized_and_never_climb_above_the_top(string path, string? expected) =>
            Assert.Equal(expected, GitTreeResolver.Normalize(path));
    }
}
