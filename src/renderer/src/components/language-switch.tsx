import { Button, Dropdown } from 'antd'
import { GlobalOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../hooks/use-language'
import { asLanguage } from '../i18n'

/**
 * The language switch. The button shows the current language in its own words; the menu names
 * each language in that language (the convention users expect when they cannot read the current one).
 */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const [language, setLanguage] = useLanguage()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: [
          { key: 'zh-CN', label: <span lang="zh-CN">简体中文</span> },
          { key: 'en', label: <span lang="en">English</span> },
        ],
        onClick: ({ key }) => setLanguage(asLanguage(key)),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('language.label')}
        data-testid="language-switch"
      >
        {t('language.current')}
      </Button>
    </Dropdown>
  )
}
