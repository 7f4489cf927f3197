/**
 * The audio viewer's words, kept in the kind's folder so that adding the kind touched no shared
 * language file beyond its label (issue 10, "Done means"). Both languages have exactly the same
 * keys: `en` is typed by `zhCN`, so a word missing in either does not compile.
 */
import { useTranslation } from 'react-i18next'

const zhCN = {
  play: '播放',
  pause: '暂停',
  back5: '后退 5 秒',
  forward5: '前进 5 秒',
  speed: '倍速',
  goTo: '跳转到',
  goToPlaceholder: '时:分:秒',
  markIn: '设为起点',
  markOut: '设为终点',
  mediaTime: '录音时间',
  absoluteTime: '实际时间',
  absoluteValue: (time: string, source: string) => `${time}（${source}）`,
  noAbsolute: '无录制时间',
  waveformTitle: '波形（点击定位）',
  waveformMissing: '波形尚未生成或无法生成；仍可播放。',
  source: { original: '原始文件', proxy: '转码副本（AAC），非原始证据' },
  proxyNote: (describe: string) =>
    `浏览器无法直接播放此格式，正在播放后台生成的${describe}转码副本；原始文件未改动，导出的是原始文件。`,
  proxyPending: '正在生成可播放的转码副本…',
  proxyFailed: '无法生成可播放的转码副本；原始文件未改动，可照原样导出。',
  noSound: '此文件中找不到可播放的声音。',
  details: {
    container: '封装格式',
    codec: '音频编码',
    sampleRate: '采样率',
    channels: '声道',
    bitRate: '码率',
    duration: '时长',
    tags: '标签',
  },
  channelsValue: (n: number) => (n === 1 ? '单声道' : n === 2 ? '立体声' : `${n} 声道`),
  pair: {
    title: '配对的询问笔录',
    none: '尚未与询问笔录配对。',
    choose: '选择询问笔录',
    add: '配对',
    remove: '解除配对',
    removeReason: '解除配对的原因',
    removeConfirm: '解除',
    showSide: '并排查看',
    hideSide: '收起笔录',
    noTranscripts: '本案件还没有询问笔录。',
    paired: (number: string) => `已与 ${number} 配对`,
  },
  quote: {
    hint: '在笔录中选中文字，可摘录并标注录音中的说话时间。',
    title: '摘录（附录音时间）',
    saidAt: (at: string) => `录音中的时间：${at}`,
    save: '保存摘录',
    saved: '已保存摘录',
    list: '带录音时间的摘录',
    empty: '还没有带录音时间的摘录。',
    seekTip: '跳到录音中说这句话的时间',
  },
}

type AudioWords = typeof zhCN

const en: AudioWords = {
  play: 'Play',
  pause: 'Pause',
  back5: 'Back 5 s',
  forward5: 'Forward 5 s',
  speed: 'Speed',
  goTo: 'Go to',
  goToPlaceholder: 'h:mm:ss',
  markIn: 'Mark in',
  markOut: 'Mark out',
  mediaTime: 'Recording time',
  absoluteTime: 'Actual time',
  absoluteValue: (time, source) => `${time} (${source})`,
  noAbsolute: 'No recording time',
  waveformTitle: 'Waveform (click to seek)',
  waveformMissing: 'The waveform is not made yet or could not be made; the recording still plays.',
  source: { original: 'Original', proxy: 'Playback copy (AAC), not the evidence' },
  proxyNote: (describe) =>
    `This browser cannot play the format as it is: a ${describe} playback copy made in the background is playing. The original is unchanged and is what export carries.`,
  proxyPending: 'Making a playback copy…',
  proxyFailed: 'A playback copy could not be made; the original is unchanged and can be exported as it is.',
  noSound: 'No playable sound was found in this file.',
  details: {
    container: 'Container',
    codec: 'Audio codec',
    sampleRate: 'Sample rate',
    channels: 'Channels',
    bitRate: 'Bit rate',
    duration: 'Duration',
    tags: 'Tags',
  },
  channelsValue: (n) => (n === 1 ? 'mono' : n === 2 ? 'stereo' : `${n} channels`),
  pair: {
    title: 'Paired interview record',
    none: 'Not paired with an interview record yet.',
    choose: 'Choose an interview record',
    add: 'Pair',
    remove: 'Unpair',
    removeReason: 'Why the pair ends',
    removeConfirm: 'Unpair',
    showSide: 'Side by side',
    hideSide: 'Hide the record',
    noTranscripts: 'This case has no interview record yet.',
    paired: (number) => `Paired with ${number}`,
  },
  quote: {
    hint: 'Select words in the record to quote them with the time they were said in the recording.',
    title: 'Quote (with recording time)',
    saidAt: (at) => `Said at ${at} in the recording`,
    save: 'Save quote',
    saved: 'Quote saved',
    list: 'Quotes with a recording time',
    empty: 'No quote carries a recording time yet.',
    seekTip: 'Go to where this was said in the recording',
  },
}

/** The audio words in the interface's current language. */
export function useAudioWords(): AudioWords {
  const { i18n } = useTranslation()
  return i18n.language?.startsWith('en') ? en : zhCN
}
