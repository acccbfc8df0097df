import type { Build837POptions, Claim837Batch } from '@x12/index.ts';

/** A fixed batch: a primary claim, a dependent's replacement claim, and a secondary claim carrying the primary payer's adjudication. */
export const sampleBatch: Claim837Batch = {
  submitter: {
    id: 'CLINICDESK01',
    name: 'RIVERSIDE FAMILY PRACTICE',
    contactName: 'ANA BILLING',
    phone: '5035550100',
    email: 'billing@riverside.example',
  },
  receiver: { id: 'CLEARHOUSE', name: 'CLEARING HOUSE INC' },
  billingProvider: {
    npi: '1245319599',
    taxId: '931234567',
    name: 'RIVERSIDE FAMILY PRACTICE',
    address: { line1: '100 MAIN ST', line2: 'SUITE 2', city: 'PORTLAND', state: 'OR', postalCode: '972011234' },
    taxonomy: '207Q00000X',
  },
  payToAddress: { line1: 'PO BOX 42', city: 'PORTLAND', state: 'OR', postalCode: '97207' },
  claims: [
    {
      patientControlNumber: 'CD-2026-000101',
      totalChargeCents: 23550,
      placeOfService: '11',
      frequencyCode: '1',
      priorAuthorization: 'AUTH778',
      subscriber: {
        memberId: 'XJH123456789',
        name: { last: 'NGUYEN', first: 'VAN', middle: 'A' },
        dateOfBirth: '1980-02-29',
        sex: 'M',
        address: { line1: '12 ELM ST', city: 'PORTLAND', state: 'OR', postalCode: '97205' },
        groupNumber: 'GRP-7781',
        claimFilingIndicator: 'CI',
        payerResponsibility: 'P',
        relationship: '18',
      },
      payer: {
        name: 'CASCADE HEALTH PLAN',
        payerId: '93221',
        address: { line1: 'PO BOX 1000', city: 'SALEM', state: 'OR', postalCode: '97301' },
      },
      diagnoses: ['E11.9', 'I10', 'Z79.4'],
      renderingProvider: { npi: '1467586115', name: { last: 'OKAFOR', first: 'CHIOMA' }, taxonomy: '207Q00000X' },
      referringProvider: { npi: '1558444216', name: { last: 'SMITH', first: 'JOHN' } },
      serviceFacility: {
        name: 'RIVERSIDE ANNEX',
        npi: '1881692036',
        address: { line1: '200 RIVER RD', city: 'PORTLAND', state: 'OR', postalCode: '97203' },
      },
      dateOfService: '2026-11-30',
      lines: [
        { procedureCode: '99214', modifiers: ['25'], chargeCents: 18500, units: 1, diagnosisPointers: [1, 2] },
        { procedureCode: '83036', modifiers: [], chargeCents: 4250, units: 1, diagnosisPointers: [1] },
        { procedureCode: '36415', modifiers: [], chargeCents: 800, units: 1, diagnosisPointers: [3], dateOfService: '2026-12-01' },
      ],
    },
    {
      patientControlNumber: 'CD-2026-000102',
      totalChargeCents: 9000,
      placeOfService: '11',
      frequencyCode: '7',
      payerClaimControlNumber: '2026330000123',
      subscriber: {
        memberId: 'BCX998877',
        name: { last: 'WISNIEWSKI', first: 'LUKASZ' },
        dateOfBirth: '1975-07-04',
        sex: 'M',
        claimFilingIndicator: 'BL',
        payerResponsibility: 'P',
        relationship: '19',
      },
      patient: {
        name: { last: 'WISNIEWSKI', first: 'ZOFIA' },
        dateOfBirth: '2014-05-17',
        sex: 'F',
        address: { line1: '9 OAK AVE', city: 'BEAVERTON', state: 'OR', postalCode: '97005' },
      },
      payer: { name: 'BLUE PEAK', payerId: 'BPK01' },
      diagnoses: ['J06.9'],
      dateOfService: '2026-11-28',
      lines: [{ procedureCode: '99213', modifiers: [], chargeCents: 9000, units: 1, diagnosisPointers: [1] }],
    },
    {
      patientControlNumber: 'CD-2026-000103',
      totalChargeCents: 15000,
      placeOfService: '11',
      frequencyCode: '1',
      subscriber: {
        memberId: '1EG4TE5MK73',
        name: { last: 'PAPADOPOULOU', first: 'SOFIA' },
        dateOfBirth: '1950-01-15',
        address: { line1: '77 ALDER ST', city: 'SALEM', state: 'OR', postalCode: '97301' },
        sex: 'F',
        claimFilingIndicator: 'MC',
        payerResponsibility: 'S',
        relationship: '18',
      },
      payer: { name: 'OREGON MEDICAID', payerId: 'ORMCD' },
      diagnoses: ['M54.50'],
      dateOfService: '2026-11-20',
      lines: [
        { procedureCode: '97110', modifiers: ['GP'], chargeCents: 10000, units: 2, diagnosisPointers: [1] },
        { procedureCode: '97140', modifiers: ['GP', '59'], chargeCents: 5000, units: 1, diagnosisPointers: [1] },
      ],
      otherPayers: [
        {
          responsibility: 'P',
          relationship: '18',
          claimFilingIndicator: 'MB',
          subscriber: { memberId: '1EG4TE5MK73', name: { last: 'PAPADOPOULOU', first: 'SOFIA' } },
          payer: { name: 'MEDICARE PART B', payerId: 'MCRB1' },
          paidCents: 9127,
          adjustments: [{ group: 'PR', reasonCode: '2', amountCents: 2282 }],
          adjudicationDate: '2026-11-27',
          lines: [
            {
              lineNumber: 1,
              paidCents: 6000,
              adjustments: [
                { group: 'CO', reasonCode: '45', amountCents: 2500 },
                { group: 'PR', reasonCode: '2', amountCents: 1500 },
              ],
            },
            { lineNumber: 2, paidCents: 3127, adjustments: [{ group: 'CO', reasonCode: '45', amountCents: 1091, quantity: 1 }] },
          ],
        },
      ],
    },
  ],
};

export const sampleOptions: Build837POptions = {
  controlNumbers: { interchange: 1042, group: 1042, transactions: [1] },
  usageIndicator: 'T',
  date: '2026-12-04',
  time: '0930',
};
