import type { thermalZhCN } from './thermal.zh-CN'
import type { Messages } from './messages'

/** The thermal viewer's words (English), the `thermal` namespace. */
export const thermalEn: Messages<typeof thermalZhCN> = {
  title: 'Thermal image',
  loading: 'Reading the thermal data…',
  djiNotice: 'Relative values; absolute temperatures need the DJI Thermal SDK',
  djiNoticeDetail:
    'A DJI R-JPEG records raw sensor counts only; the formula that turns them into temperatures is not public. The values shown are raw counts: they tell where it is warmer or colder, not a temperature.',
  relativeNotice:
    'Relative values: the calibration in this file is unusable, so raw sensor counts are shown, not temperatures.',
  noFrame: 'The thermal data in this image cannot be read.',
  unit: { celsius: '°C', raw: 'raw' },
  format: { flir: 'FLIR radiometric JPEG', dji: 'DJI R-JPEG' },
  tools: {
    label: 'Measuring tool',
    inspect: 'Inspect',
    spot: 'Spot',
    box: 'Box',
    line: 'Line',
    hint: {
      inspect: 'Move the pointer over the image to read each pixel.',
      spot: 'Click on the image to place a spot.',
      box: 'Drag on the image to draw a box.',
      line: 'Drag on the image to draw a line.',
    },
  },
  palette: { label: 'Palette', iron: 'Iron', rainbow: 'Rainbow', grey: 'Grey' },
  view: {
    label: 'View',
    thermal: 'Thermal',
    side: 'Side by side',
    blend: 'Blend',
    opacity: 'Thermal opacity',
    visibleAlt: 'Visible photo taken by the camera at the same time',
    blendApprox:
      "The blend stretches both pictures to the same frame; it is not aligned with the camera's picture-in-picture data, so use it for orientation only.",
  },
  range: { label: 'Display range', auto: 'Auto' },
  extremes: { show: 'Mark hottest/coldest', max: 'Max', min: 'Min' },
  readout: {
    label: 'Reading under the pointer',
    idle: 'Move the pointer over the image to read it',
    pixel: 'pixel ({{x}}, {{y}})',
    invalid: 'no valid value',
  },
  frame: {
    title: 'Image',
    format: 'Format',
    size: 'Thermal resolution',
    max: 'Max',
    min: 'Min',
    mean: 'Mean',
    params: 'Measurement parameters in the file',
    paramsDji: 'Measurement parameters in the file (not applied)',
    noParams: 'The file records no measurement parameters',
  },
  param: {
    emissivity: 'Emissivity',
    objectDistance: 'Object distance (m)',
    reflectedTempC: 'Reflected temperature (°C)',
    atmosphericTempC: 'Atmospheric temperature (°C)',
    ambientTempC: 'Ambient temperature (°C)',
    relativeHumidity: 'Relative humidity',
    irWindowTempC: 'IR window temperature (°C)',
    irWindowTransmission: 'IR window transmission',
    cameraRangeMinC: 'Camera range low (°C)',
    cameraRangeMaxC: 'Camera range high (°C)',
  },
  measure: {
    newTitle: 'New measurement',
    shape: {
      spot: 'Spot ({{x}}, {{y}})',
      box: 'Box ({{x}}, {{y}}) {{w}}×{{h}}',
      line: 'Line ({{x1}}, {{y1}}) → ({{x2}}, {{y2}})',
    },
    note: 'Note (optional)',
    notePlaceholder: 'e.g. stack outlet, storm-water outfall',
    overrides: 'Parameters for this measurement (optional)',
    overridesHint:
      "Leave empty to use the file's values (shown in grey). A change applies to this measurement only; the original is not changed.",
    overridesDji: 'Emissivity, distance and the like cannot be applied to DJI raw values.',
    emissivity: 'Emissivity',
    objectDistance: 'Distance (m)',
    reflectedTempC: 'Reflected (°C)',
    save: 'Save measurement',
    cancel: 'Cancel',
    saved: 'Measurement saved and recorded in the custody log',
  },
  list: {
    title: 'Measurements',
    empty: 'No measurements yet — pick the spot, box or line tool and mark the place on the image',
    max: 'Max',
    min: 'Min',
    mean: 'Mean',
    value: 'Reading',
    pixels: '{{count}} pixels',
    overridden: 'Parameters changed',
    relative: 'Relative',
    outOfRange: "Outside the camera's range",
    by: '{{name}} · {{time}}',
  },
  warnings: {
    title_one: 'Reading this image gave 1 notice',
    title_other: 'Reading this image gave {{count}} notices',
    details: 'Details',
    code: {
      'thermal-segment-missing':
        'The thermal data in the file is incomplete: some of its segments are missing.',
      'thermal-truncated': 'The file is cut short; only part of the thermal data could be read.',
      'thermal-size-mismatch': 'The thermal data does not have the size the file declares.',
      'metadata-unreadable': 'Some thermal metadata cannot be read.',
      'thermal-relative-only': 'The calibration is unusable; only raw values can be shown.',
      'thermal-out-of-range':
        "Some readings lie outside the camera's calibrated range and are less reliable.",
      'thermal-frame-unavailable': 'The thermal frame file could not be made; temperatures cannot be shown.',
      'thermal-visible-unreadable': 'The embedded visible photo cannot be shown.',
      other: 'Reading the thermal data gave a notice.',
    },
  },
  errors: {
    'thermal-shape-outside': 'The measured area leaves the thermal image; mark it again inside the image.',
    'thermal-overrides-relative':
      'This image has raw values only; emissivity, distance and reflected temperature cannot be applied.',
    loadFrame: 'The thermal data cannot be loaded',
  },
}
