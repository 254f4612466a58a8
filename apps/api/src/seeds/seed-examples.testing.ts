/** Test data: reference 000's seed example, as written there. */
export const referenceExample = [
  {
    object_type: 'profiles',
    data: {
      title: 'Customer Profile',
      slug: 'customer-profile',
      type: 'contacts',
      object_type: 'contacts',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
    },
  },
];

/** Test data: the contacts attributes reference 000's example bundles. */
export const referenceAttributes = [
  { slug: 'pet_name', label: 'Pet name', dataType: 'text' },
  { slug: 'favorite_book', label: 'Favorite book', dataType: 'text' },
  { slug: 'monthly_expenses', label: 'Monthly expenses', dataType: 'number' },
] as const;

/** Test data: those attributes as seed entries. */
export const referenceAttributeEntries = referenceAttributes.map(({ slug, label, dataType }) => ({
  object_type: 'attributes',
  data: { slug, label, object_type: 'contacts', data_type: dataType },
}));
