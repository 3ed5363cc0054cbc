namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Every JSON Schema difference type the engine reports, spelled as Confluent's JSON Schema differ spells them.
    /// Limits and unevaluated keywords are composed from a prefix (<c>MAX_LENGTH</c> + <c>_INCREASED</c>); each composed
    /// type is listed here too, so <see cref="All"/> is every type the engine can emit.
    /// </summary>
    public static class JsonDifferenceType
    {
        public const string AdditionalItemsAdded = "ADDITIONAL_ITEMS_ADDED";
        public const string AdditionalItemsExtended = "ADDITIONAL_ITEMS_EXTENDED";
        public const string AdditionalItemsNarrowed = "ADDITIONAL_ITEMS_NARROWED";
        public const string AdditionalItemsRemoved = "ADDITIONAL_ITEMS_REMOVED";
        public const string AdditionalPropertiesAdded = "ADDITIONAL_PROPERTIES_ADDED";
        public const string AdditionalPropertiesExtended = "ADDITIONAL_PROPERTIES_EXTENDED";
        public const string AdditionalPropertiesNarrowed = "ADDITIONAL_PROPERTIES_NARROWED";
        public const string AdditionalPropertiesRemoved = "ADDITIONAL_PROPERTIES_REMOVED";
        public const string CombinedTypeChanged = "COMBINED_TYPE_CHANGED";
        public const string CombinedTypeExtended = "COMBINED_TYPE_EXTENDED";
        public const string CombinedTypeSubschemasChanged = "COMBINED_TYPE_SUBSCHEMAS_CHANGED";
        public const string DefaultChanged = "DEFAULT_CHANGED";
        public const string DependencyArrayAdded = "DEPENDENCY_ARRAY_ADDED";
        public const string DependencyArrayChanged = "DEPENDENCY_ARRAY_CHANGED";
        public const string DependencyArrayExtended = "DEPENDENCY_ARRAY_EXTENDED";
        public const string DependencyArrayNarrowed = "DEPENDENCY_ARRAY_NARROWED";
        public const string DependencyArrayRemoved = "DEPENDENCY_ARRAY_REMOVED";
        public const string DependencySchemaAdded = "DEPENDENCY_SCHEMA_ADDED";
        public const string DependencySchemaRemoved = "DEPENDENCY_SCHEMA_REMOVED";
        public const string DescriptionChanged = "DESCRIPTION_CHANGED";
        public const string EnumArrayChanged = "ENUM_ARRAY_CHANGED";
        public const string EnumArrayExtended = "ENUM_ARRAY_EXTENDED";
        public const string EnumArrayNarrowed = "ENUM_ARRAY_NARROWED";
        public const string ExclusiveMaximumAdded = "EXCLUSIVE_MAXIMUM_ADDED";
        public const string ExclusiveMaximumDecreased = "EXCLUSIVE_MAXIMUM_DECREASED";
        public const string ExclusiveMaximumIncreased = "EXCLUSIVE_MAXIMUM_INCREASED";
        public const string ExclusiveMaximumRemoved = "EXCLUSIVE_MAXIMUM_REMOVED";
        public const string ExclusiveMinimumAdded = "EXCLUSIVE_MINIMUM_ADDED";
        public const string ExclusiveMinimumDecreased = "EXCLUSIVE_MINIMUM_DECREASED";
        public const string ExclusiveMinimumIncreased = "EXCLUSIVE_MINIMUM_INCREASED";
        public const string ExclusiveMinimumRemoved = "EXCLUSIVE_MINIMUM_REMOVED";
        public const string IdChanged = "ID_CHANGED";
        public const string ItemAddedIsCoveredByPartiallyOpenContentModel = "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string ItemAddedNotCoveredByPartiallyOpenContentModel = "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string ItemAddedToClosedContentModel = "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL";
        public const string ItemAddedToOpenContentModel = "ITEM_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string ItemRemovedFromClosedContentModel = "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL";
        public const string ItemRemovedFromOpenContentModel = "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL";
        public const string ItemRemovedIsCoveredByPartiallyOpenContentModel = "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string ItemRemovedNotCoveredByPartiallyOpenContentModel = "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string ItemWithEmptySchemaAddedToOpenContentModel = "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string ItemWithFalseRemovedFromClosedContentModel = "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL";
        public const string MaximumAdded = "MAXIMUM_ADDED";
        public const string MaximumDecreased = "MAXIMUM_DECREASED";
        public const string MaximumIncreased = "MAXIMUM_INCREASED";
        public const string MaximumRemoved = "MAXIMUM_REMOVED";
        public const string MaxContainsAdded = "MAX_CONTAINS_ADDED";
        public const string MaxContainsDecreased = "MAX_CONTAINS_DECREASED";
        public const string MaxContainsIncreased = "MAX_CONTAINS_INCREASED";
        public const string MaxContainsRemoved = "MAX_CONTAINS_REMOVED";
        public const string MaxItemsAdded = "MAX_ITEMS_ADDED";
        public const string MaxItemsDecreased = "MAX_ITEMS_DECREASED";
        public const string MaxItemsIncreased = "MAX_ITEMS_INCREASED";
        public const string MaxItemsRemoved = "MAX_ITEMS_REMOVED";
        public const string MaxLengthAdded = "MAX_LENGTH_ADDED";
        public const string MaxLengthDecreased = "MAX_LENGTH_DECREASED";
        public const string MaxLengthIncreased = "MAX_LENGTH_INCREASED";
        public const string MaxLengthRemoved = "MAX_LENGTH_REMOVED";
        public const string MaxPropertiesAdded = "MAX_PROPERTIES_ADDED";
        public const string MaxPropertiesDecreased = "MAX_PROPERTIES_DECREASED";
        public const string MaxPropertiesIncreased = "MAX_PROPERTIES_INCREASED";
        public const string MaxPropertiesRemoved = "MAX_PROPERTIES_REMOVED";
        public const string MinimumAdded = "MINIMUM_ADDED";
        public const string MinimumDecreased = "MINIMUM_DECREASED";
        public const string MinimumIncreased = "MINIMUM_INCREASED";
        public const string MinimumRemoved = "MINIMUM_REMOVED";
        public const string MinContainsAdded = "MIN_CONTAINS_ADDED";
        public const string MinContainsDecreased = "MIN_CONTAINS_DECREASED";
        public const string MinContainsIncreased = "MIN_CONTAINS_INCREASED";
        public const string MinContainsRemoved = "MIN_CONTAINS_REMOVED";
        public const string MinItemsAdded = "MIN_ITEMS_ADDED";
        public const string MinItemsDecreased = "MIN_ITEMS_DECREASED";
        public const string MinItemsIncreased = "MIN_ITEMS_INCREASED";
        public const string MinItemsRemoved = "MIN_ITEMS_REMOVED";
        public const string MinLengthAdded = "MIN_LENGTH_ADDED";
        public const string MinLengthDecreased = "MIN_LENGTH_DECREASED";
        public const string MinLengthIncreased = "MIN_LENGTH_INCREASED";
        public const string MinLengthRemoved = "MIN_LENGTH_REMOVED";
        public const string MinPropertiesAdded = "MIN_PROPERTIES_ADDED";
        public const string MinPropertiesDecreased = "MIN_PROPERTIES_DECREASED";
        public const string MinPropertiesIncreased = "MIN_PROPERTIES_INCREASED";
        public const string MinPropertiesRemoved = "MIN_PROPERTIES_REMOVED";
        public const string MultipleOfAdded = "MULTIPLE_OF_ADDED";
        public const string MultipleOfChanged = "MULTIPLE_OF_CHANGED";
        public const string MultipleOfExpanded = "MULTIPLE_OF_EXPANDED";
        public const string MultipleOfReduced = "MULTIPLE_OF_REDUCED";
        public const string MultipleOfRemoved = "MULTIPLE_OF_REMOVED";
        public const string NotTypeExtended = "NOT_TYPE_EXTENDED";
        public const string NotTypeNarrowed = "NOT_TYPE_NARROWED";
        public const string OptionalPropertyAddedToOpenContentModel = "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string OptionalPropertyAddedToUnopenContentModel = "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL";
        public const string PatternAdded = "PATTERN_ADDED";
        public const string PatternChanged = "PATTERN_CHANGED";
        public const string PatternRemoved = "PATTERN_REMOVED";
        public const string ProductTypeExtended = "PRODUCT_TYPE_EXTENDED";
        public const string ProductTypeNarrowed = "PRODUCT_TYPE_NARROWED";
        public const string PropertyAddedIsCoveredByPartiallyOpenContentModel = "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string PropertyAddedNotCoveredByPartiallyOpenContentModel = "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string PropertyRemovedFromClosedContentModel = "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL";
        public const string PropertyRemovedFromOpenContentModel = "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL";
        public const string PropertyRemovedIsCoveredByPartiallyOpenContentModel = "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string PropertyRemovedNotCoveredByPartiallyOpenContentModel = "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";
        public const string PropertyWithEmptySchemaAddedToOpenContentModel = "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string PropertyWithFalseRemovedFromClosedContentModel = "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL";
        public const string RequiredAttributeAdded = "REQUIRED_ATTRIBUTE_ADDED";
        public const string RequiredAttributeRemoved = "REQUIRED_ATTRIBUTE_REMOVED";
        public const string RequiredAttributeWithDefaultAdded = "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED";
        public const string RequiredPropertyAddedToOpenContentModel = "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string RequiredPropertyAddedToUnopenContentModel = "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL";
        public const string RequiredPropertyWithDefaultAddedToOpenContentModel = "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL";
        public const string RequiredPropertyWithDefaultAddedToUnopenContentModel = "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL";
        public const string SchemaAdded = "SCHEMA_ADDED";
        public const string SchemaRemoved = "SCHEMA_REMOVED";
        public const string SumTypeExtended = "SUM_TYPE_EXTENDED";
        public const string SumTypeNarrowed = "SUM_TYPE_NARROWED";
        public const string TitleChanged = "TITLE_CHANGED";
        public const string TypeChanged = "TYPE_CHANGED";
        public const string TypeExtended = "TYPE_EXTENDED";
        public const string TypeNarrowed = "TYPE_NARROWED";
        public const string UnevaluatedItemsAdded = "UNEVALUATED_ITEMS_ADDED";
        public const string UnevaluatedItemsExtended = "UNEVALUATED_ITEMS_EXTENDED";
        public const string UnevaluatedItemsNarrowed = "UNEVALUATED_ITEMS_NARROWED";
        public const string UnevaluatedItemsRemoved = "UNEVALUATED_ITEMS_REMOVED";
        public const string UnevaluatedPropertiesAdded = "UNEVALUATED_PROPERTIES_ADDED";
        public const string UnevaluatedPropertiesExtended = "UNEVALUATED_PROPERTIES_EXTENDED";
        public const string UnevaluatedPropertiesNarrowed = "UNEVALUATED_PROPERTIES_NARROWED";
        public const string UnevaluatedPropertiesRemoved = "UNEVALUATED_PROPERTIES_REMOVED";
        public const string UniqueItemsAdded = "UNIQUE_ITEMS_ADDED";
        public const string UniqueItemsRemoved = "UNIQUE_ITEMS_REMOVED";

        /// <summary>Every type the engine reports.</summary>
        public static System.Collections.Generic.IReadOnlyList<string> All { get; } = new[]
        {
            AdditionalItemsAdded, AdditionalItemsExtended, AdditionalItemsNarrowed, AdditionalItemsRemoved,
            AdditionalPropertiesAdded, AdditionalPropertiesExtended, AdditionalPropertiesNarrowed, AdditionalPropertiesRemoved,
            CombinedTypeChanged, CombinedTypeExtended, CombinedTypeSubschemasChanged, DefaultChanged,
            DependencyArrayAdded, DependencyArrayChanged, DependencyArrayExtended, DependencyArrayNarrowed,
            DependencyArrayRemoved, DependencySchemaAdded, DependencySchemaRemoved, DescriptionChanged,
            EnumArrayChanged, EnumArrayExtended, EnumArrayNarrowed, ExclusiveMaximumAdded,
            ExclusiveMaximumDecreased, ExclusiveMaximumIncreased, ExclusiveMaximumRemoved, ExclusiveMinimumAdded,
            ExclusiveMinimumDecreased, ExclusiveMinimumIncreased, ExclusiveMinimumRemoved, IdChanged,
            ItemAddedIsCoveredByPartiallyOpenContentModel, ItemAddedNotCoveredByPartiallyOpenContentModel, ItemAddedToClosedContentModel, ItemAddedToOpenContentModel,
            ItemRemovedFromClosedContentModel, ItemRemovedFromOpenContentModel, ItemRemovedIsCoveredByPartiallyOpenContentModel, ItemRemovedNotCoveredByPartiallyOpenContentModel,
            ItemWithEmptySchemaAddedToOpenContentModel, ItemWithFalseRemovedFromClosedContentModel, MaximumAdded, MaximumDecreased,
            MaximumIncreased, MaximumRemoved, MaxContainsAdded, MaxContainsDecreased,
            MaxContainsIncreased, MaxContainsRemoved, MaxItemsAdded, MaxItemsDecreased,
            MaxItemsIncreased, MaxItemsRemoved, MaxLengthAdded, MaxLengthDecreased,
            MaxLengthIncreased, MaxLengthRemoved, MaxPropertiesAdded, MaxPropertiesDecreased,
            MaxPropertiesIncreased, MaxPropertiesRemoved, MinimumAdded, MinimumDecreased,
            MinimumIncreased, MinimumRemoved, MinContainsAdded, MinContainsDecreased,
            MinContainsIncreased, MinContainsRemoved, MinItemsAdded, MinItemsDecreased,
            MinItemsIncreased, MinItemsRemoved, MinLengthAdded, MinLengthDecreased,
            MinLengthIncreased, MinLengthRemoved, MinPropertiesAdded, MinPropertiesDecreased,
            MinPropertiesIncreased, MinPropertiesRemoved, MultipleOfAdded, MultipleOfChanged,
            MultipleOfExpanded, MultipleOfReduced, MultipleOfRemoved, NotTypeExtended,
            NotTypeNarrowed, OptionalPropertyAddedToOpenContentModel, OptionalPropertyAddedToUnopenContentModel, PatternAdded,
            PatternChanged, PatternRemoved, ProductTypeExtended, ProductTypeNarrowed,
            PropertyAddedIsCoveredByPartiallyOpenContentModel, PropertyAddedNotCoveredByPartiallyOpenContentModel, PropertyRemovedFromClosedContentModel, PropertyRemovedFromOpenContentModel,
            PropertyRemovedIsCoveredByPartiallyOpenContentModel, PropertyRemovedNotCoveredByPartiallyOpenContentModel, PropertyWithEmptySchemaAddedToOpenContentModel, PropertyWithFalseRemovedFromClosedContentModel,
            RequiredAttributeAdded, RequiredAttributeRemoved, RequiredAttributeWithDefaultAdded, RequiredPropertyAddedToOpenContentModel,
            RequiredPropertyAddedToUnopenContentModel, RequiredPropertyWithDefaultAddedToOpenContentModel, RequiredPropertyWithDefaultAddedToUnopenContentModel, SchemaAdded,
            SchemaRemoved, SumTypeExtended, SumTypeNarrowed, TitleChanged,
            TypeChanged, TypeExtended, TypeNarrowed, UnevaluatedItemsAdded,
            UnevaluatedItemsExtended, UnevaluatedItemsNarrowed, UnevaluatedItemsRemoved, UnevaluatedPropertiesAdded,
            UnevaluatedPropertiesExtended, UnevaluatedPropertiesNarrowed, UnevaluatedPropertiesRemoved, UniqueItemsAdded,
            UniqueItemsRemoved,
        };
    }
}
