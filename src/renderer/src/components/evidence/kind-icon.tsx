import type { ReactNode } from 'react'
import {
  CameraOutlined,
  FileOutlined,
  FileTextOutlined,
  FireOutlined,
  LineChartOutlined,
  QuestionOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons'
import type { EvidenceKind } from '../../../../shared/types'

const ICONS: Record<EvidenceKind, ReactNode> = {
  video: <VideoCameraOutlined />,
  image: <CameraOutlined />,
  thermal: <FireOutlined />,
  transcript: <FileTextOutlined />,
  monitoring: <LineChartOutlined />,
  document: <FileOutlined />,
  other: <QuestionOutlined />,
}

export function KindIcon({ kind, className }: { kind: EvidenceKind; className?: string }) {
  return (
    <span className={`kind-icon kind-${kind}${className ? ` ${className}` : ''}`} aria-hidden>
      {ICONS[kind]}
    </span>
  )
}
