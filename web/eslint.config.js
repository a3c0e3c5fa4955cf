// ESLint for the web UI (run by `make check` through tests/run.sh):
// the recommended JavaScript rules and eslint-plugin-vue's recommended
// Vue 3 rules, browser globals for the app and Node's for the config files.
import js from '@eslint/js'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['src/**/*.{js,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // templates here keep several attributes on one line when short
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  // route views are named by their page (Dashboard, Tasks, ...)
  { files: ['src/views/*.vue'], rules: { 'vue/multi-word-component-names': 'off' } },
  { files: ['*.config.js'], languageOptions: { globals: { ...globals.node } } },
]
