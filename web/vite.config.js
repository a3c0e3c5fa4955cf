import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'

// Element Plus on demand, straight from each component's folder: importing
// from 'element-plus/es' keeps its all-components installer in the bundle.
const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
const epFolder = { Option: 'select', OptionGroup: 'select', TimelineItem: 'timeline', RadioGroup: 'radio', RadioButton: 'radio' }
const ep = (folder, style = folder) => ({
  from: `element-plus/es/components/${folder}/index.mjs`,
  sideEffects: `element-plus/es/components/${style}/style/css`,
})
const ElementPlusDirect = [
  {
    type: 'component',
    resolve: (name) => {
      if (!/^El[A-Z]/.test(name)) return
      const bare = name.slice(2)
      return { name, ...ep(epFolder[bare] || kebab(bare), kebab(bare)) }
    },
  },
  { type: 'directive', resolve: (name) => (name === 'Loading' ? { name: 'vLoading', ...ep('loading') } : undefined) },
]

// The API server the dev server proxies /api to (LUOSHI_API=http://127.0.0.1:8090 npx vite).
const api = process.env.LUOSHI_API || 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus components and their CSS are imported on demand.
    Components({ resolvers: [ElementPlusDirect], dts: false }),
  ],
  server: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element'
          if (id.includes('node_modules/')) return 'vendor'
        },
      },
    },
  },
})
