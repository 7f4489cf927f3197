/** MIME types of office formats that more than one kind needs to name. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
