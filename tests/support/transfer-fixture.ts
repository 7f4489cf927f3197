import type { CaseFile } from '../../src/core/case/case-file'
import { editBatch, listBatches, saveTransferFields } from '../../src/core/transfer'
import type { Officer } from '../../src/shared/types'
import { OFFICER_A, OFFICER_B } from './case-fixture'

/** Valid 公民身份号码 (GB 11643 check digits) used across tests. */
export const ID_WANG = '320102199003071239'
export const ID_ZHAO = '440524198001010013'

/**
 * Fills in what a transfer letter needs beyond violations: 立案日期, permit, key-unit status,
 * the persons, and the extraction facts of every import batch — as an officer would before
 * transferring, so documents built afterwards have no missing-field problems.
 */
export function completeTransferFacts(
  file: CaseFile,
  actor: Officer,
  clock: () => Date,
  today = '2026-06-02',
): void {
  saveTransferFields(
    file,
    {
      filedOn: '2026-05-25',
      permitNumber: '91350100M000100Y43001P',
      keyUnit: 'yes',
      keyUnitSource: '南京市2026年环境监管重点单位名录',
      suspects: [
        { name: '王五', idNumber: ID_WANG, role: 'manager', position: '法定代表人' },
        { name: '赵六', idNumber: ID_ZHAO, role: 'direct', position: '环保设施操作工' },
      ],
    },
    today,
    actor,
    clock,
  )
  for (const b of listBatches(file.db, file.info()))
    editBatch(
      file,
      {
        key: b.key,
        extractedAt: null,
        place: '某化工有限公司中控室',
        medium: '执法记录仪 DSJ-A8-00123 内置存储卡',
        mediumSeized: false,
        notSeizedReason: '执法记录仪为执法装备，不属涉案物品；其中数据已完整复制并计算校验值',
        holder: '张三',
        witness: '孙七（企业环保专员）',
        extractors: [OFFICER_A.name, OFFICER_B.name],
      },
      actor,
      clock,
    )
}
