namespace EventGovernance.Cli
{
    internal static class Usage
    {
        public const string General =
@"usage: eventgov <command> [options]

commands:
  compat    compare a schema file with earlier versions of it
  check     check the repository's contracts against the registry (the build gate, outside MSBuild)
  lint      lint the repository's contracts (EG1101-EG1108, settings from .editorconfig)
  register  register changed contracts as new versions when every contract passes
  pull      mirror a remote registry into an embedded registry directory
  derive    print the schema a producer's Confluent serializer registers for a C# type

Run 'eventgov <command> --help' for a command's options.
Exit codes: 0 compatible, 1 breaking change, 2 bad usage, bad input or registry unavailable.";

        public const string Compat =
@"usage: eventgov compat --old <file> [--old <file> ...] --new <file> [options]

  --old <file>         an earlier version; repeat for the history, oldest first (TRANSITIVE levels check all)
  --new <file>         the candidate schema
  --type <type>        json | avro | protobuf (default: from the extension: .json, .avsc, .proto)
  --level <level>      NONE, BACKWARD (default), BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
  --policy <policy>    strict (default) | lenient: the JSON Schema policy
  --format <format>    text (default) | json
  --root <dir>         references resolve only inside this directory (default: each file's own directory)
  --proto-path <dir>   another directory to look for Protobuf imports in (repeatable)";

        public const string Check =
@"usage: eventgov check [--project <file> | --contracts <dir>] [--registry <dir|url>] [options]

With --project, or in a directory holding exactly one project file, the contracts, subjects, levels
and registry are the project's (its EventContract items and EventGovernance* properties, evaluated by
MSBuild), exactly as in dotnet build; the options below override the project's values.

  --project <file>     the project (a .csproj/.fsproj/.vbproj, or a directory holding one)
  --no-project         ignore a project in the current directory; use --contracts
  --contracts <dir>    where the contracts are without a project (default: contracts)
  --registry <dir|url> an embedded registry directory or a Confluent Schema Registry URL
                       (default: $SCHEMA_REGISTRY_URL, else <contracts>/registry); credentials come from
                       SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO or SCHEMA_REGISTRY_BEARER_TOKEN; a private CA
                       for https from SCHEMA_REGISTRY_SSL_CA_LOCATION (a PEM file)
  --level <level>      check every contract at this level instead of the registry's
  --policy <policy>    strict (default) | lenient: the JSON Schema policy
  --format <format>    text (default) | json | markdown | sarif | github
  --timeout <seconds>  how long one registry request may take (default 5)
  --retries <n>        how often a request failing for a transient reason is tried again (default 1)";

        public const string Register =
@"usage: eventgov register [--contracts <dir>] [--registry <dir|url>] [options]

Registers every new or changed contract as a new version, referenced contracts first, but only when
every contract passes the check, with the same contracts, subjects and levels as 'eventgov check' (in
a project: as dotnet build, like 'dotnet build -t:EventGovernanceRegister'). Options as for 'eventgov check'.";

        public const string Pull =
@"usage: eventgov pull --registry <url> --out <dir> [--timeout <seconds>] [--retries <n>] [--project <file> | --no-project]

Copies every subject, version, reference and compatibility level of a registry into an embedded
registry directory (each file written atomically). In a project (see 'eventgov check --help'), --out
defaults to the project's embedded registry, or the source is its remote one; credentials, timeout and
retries come from the project unless given.";
    }
}
