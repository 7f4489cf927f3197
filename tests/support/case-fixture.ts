import type { CaseFields } from '../../src/shared/api'
import type { Officer } from '../../src/shared/types'

export const OFFICER_A: Officer = { name: '张三', certNo: '32010001' }
export const OFFICER_B: Officer = { name: '李四', certNo: '32010002' }

/** A valid credit code (GB 32100 check digit) used across tests. */
export const VALID_CREDIT_CODE = '91350100M000100Y43'

export function sampleCaseFields(overrides: Partial<CaseFields> = {}): CaseFields {
  return {
    number: '宁环罚〔2026〕12号',
    title: '某化工有限公司逃避监管排放大气污染物案',
    cause: '通过旁路软管逃避自动监测设备监管排放废气',
    subject: {
      name: '某化工有限公司',
      creditCode: VALID_CREDIT_CODE,
      address: '江苏省南京市江北新区化工园1号',
      legalRep: '王五',
    },
    unit: '南京市生态环境局',
    officers: [OFFICER_A, OFFICER_B],
    timezone: 'Asia/Shanghai',
    ...overrides,
  }
}
